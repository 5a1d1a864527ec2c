import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardReaderSimulator } from '../simulators/card-reader';
import { PinPadSimulator } from '../simulators/pinpad';
import { createPrinterSimulator, startTcpPrinterServer } from '../simulators/printer';
import { runCaptured } from './capture-io.test-helper';
import { PTY_BAUD, ptyDevice } from './pty-device.test-helper';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function pty() {
  const device = await ptyDevice();
  cleanups.push(() => device.close());
  return device;
}

const probe = (driver: string, port: string, ...more: string[]) =>
  runCaptured(['probe', '--driver', driver, '--port', port, '--baud', String(PTY_BAUD), ...more]);

describe('kiosk-diag probe over a socat pty pair', () => {
  it('reads a printer status by DLE EOT and flags paper out', async () => {
    const { pair, deviceEnd } = await pty();
    const sim = createPrinterSimulator();
    await sim.attach(deviceEnd);

    const ready = await probe('escpos', pair.hostPath, '--json');
    expect(ready.code).toBe(0);
    expect(ready.json()).toMatchObject({
      ok: true,
      driver: 'escpos',
      status: { device: 'online', paper: 'full', cover: 'closed' },
      capabilities: { commandLanguage: 'esc-pos', columns: 42 },
    });

    sim.setPaper('out');
    const empty = await probe('escpos', pair.hostPath);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toMatch(/paper\s+out/);
    expect(empty.stdout).toContain('PROBLEM: paper out: load a new roll');
  });

  it('asks a card reader for its media state', async () => {
    const { pair, deviceEnd } = await pty();
    const sim = new CardReaderSimulator(deviceEnd, { mode: 'serial' });
    await sim.jam();
    const run = await probe('magstripe', pair.hostPath, '--json');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({
      status: { device: 'online', media: 'jammed' },
      capabilities: { mode: 'serial' },
      problems: ['card jammed in the reader: remove it'],
    });
  });

  it('reads model and PIN formats from a pin pad', async () => {
    const { pair, deviceEnd } = await pty();
    const sim = new PinPadSimulator(deviceEnd);
    await sim.start();
    cleanups.push(() => sim.stop());
    const run = await probe('pinpad', pair.hostPath, '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      status: { device: 'online' },
      capabilities: { pinEntry: true, serial: 'SIM-EPP-0001' },
    });
  });

  it('exits 3 when the port opens but nothing answers', async () => {
    const { pair } = await pty();
    const run = await probe('escpos', pair.hostPath, '--timeout', '200');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not answer.*Check power, cable, baud rate/);
  });

  it('probes a device of the config file by its name', async () => {
    const sim = createPrinterSimulator({ paper: 'nearEnd' });
    const server = await startTcpPrinterServer(sim, { port: 0 });
    cleanups.push(() => server.close());
    const dir = await mkdtemp(join(tmpdir(), 'diag-probe-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const config = join(dir, 'kiosk.json');
    const transport = { type: 'tcp', host: '127.0.0.1', port: server.port };
    await writeFile(
      config,
      JSON.stringify({ devices: { printer: { driver: 'escpos', transport } } }),
    );

    const run = await runCaptured(['probe', '--device', 'printer', '--config', config]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/paper\s+low/);
    expect(run.stdout).toContain('note: paper near end');

    const absent = await runCaptured(['probe', '--device', 'cardReader', '--config', config]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('no devices.cardReader section');
  });

  it('exits 3 when the port does not exist and 2 without --driver', async () => {
    expect((await probe('escpos', '/dev/tty-kiosk-diag-missing')).code).toBe(3);
    const usage = await runCaptured(['probe', '--port', '/dev/ttyS0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--driver is required');
  });
});
