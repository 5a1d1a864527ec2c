import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startXfs4IoTDevices } from '../simulators/xfs4iot/xfs4iot-devices';
import { runCaptured } from './capture-io.test-helper';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function atmConfig() {
  const devices = await startXfs4IoTDevices();
  cleanups.push(() => devices.close());
  const dir = await mkdtemp(join(tmpdir(), 'diag-xfs4iot-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'kiosk.json');
  await writeFile(file, JSON.stringify({ devices: devices.config }));
  return { devices, file };
}

describe('kiosk-diag probe on XFS4IoT services, as on an ATM', () => {
  it('finds each service through the publisher and reads its status and capabilities', async () => {
    const { file } = await atmConfig();
    const card = await runCaptured(['probe', '--device', 'cardReader', '--config', file, '--json']);
    expect(card.code).toBe(0);
    expect(card.json()).toMatchObject({
      ok: true,
      driver: 'xfs4iot-card-reader',
      status: { device: 'online', media: 'noMedia' },
      capabilities: { mode: 'xfs4iot' },
    });
    const pad = await runCaptured(['probe', '--device', 'pinPad', '--config', file]);
    expect(pad.code).toBe(0);
    expect(pad.stdout).toMatch(
      /link\s+xfs4iot ws:\/\/127\.0\.0\.1:\d+\/xfs4iot\/v1\.0\/PinPad1\/ opened/,
    );
    expect(pad.stdout).toContain('pinFormats=0/4');
  });

  it('says the service is unreachable when it has stopped', async () => {
    const { devices, file } = await atmConfig();
    devices.control.xfs4iot.set('Printer1', { running: false });
    const run = await runCaptured(['probe', '--device', 'printer', '--config', file]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/Printer1/);
  });
});
