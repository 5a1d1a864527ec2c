import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import { createKiosk, type Kiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startDeviceManager, type DeviceManager } from '../devices/manager';
import { startHostSimulator } from '../simulators/host';
import { startEmbeddedDevices, type EmbeddedDevices } from '../simulators/embedded';
import { socatAvailable } from '../simulators/embedded/socat-available';
import { runCaptured } from './capture-io.test-helper';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A running kiosk on the device simulators with its diagnostics socket in a fresh folder. */
async function runningKiosk(): Promise<{
  kiosk: Kiosk;
  embedded: EmbeddedDevices;
  manager: DeviceManager;
  socket: string;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'diag-kiosk-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const socket = join(dir, 'kiosk-diag.sock');
  const host = await startHostSimulator({ port: 0, latencyMs: 0 });
  cleanups.push(() => host.close());
  const embedded = await startEmbeddedDevices();
  cleanups.push(() => embedded.close());
  const config = parseConfig(
    {
      host: { url: host.url },
      devices: embedded.config,
      technician: { diagSocket: socket },
      journal: { dir: join(dir, 'journal') },
    },
    'test',
  );
  const manager = await startDeviceManager(config.devices!);
  cleanups.push(() => manager.stop());
  const kiosk = createKiosk(config, {
    logger: createLogger({ level: 'silent' }),
    devices: manager,
  });
  cleanups.push(() => kiosk.stop());
  await expect
    .poll(() => manager.snapshots().every((device) => device.state === 'online'), { timeout: 5000 })
    .toBe(true);
  await expect
    .poll(() => runCaptured(['kiosk', 'status', '--socket', socket]).then((r) => r.code))
    .not.toBe(3);
  return { kiosk, embedded, manager, socket };
}

const status = (socket: string) => runCaptured(['kiosk', 'status', '--socket', socket, '--json']);

describe.skipIf(!socatAvailable())('kiosk-diag kiosk status / run against a running kiosk', () => {
  it('finds a printer out of paper and an unplugged card reader, and shows both fixed', async () => {
    const { embedded, manager, socket } = await runningKiosk();
    const healthy = await status(socket);
    expect(healthy.code).toBe(0);
    expect(healthy.json()).toMatchObject({ ok: true, screen: 'attract', problems: [] });

    embedded.control.printer.setFaults({ paper: 'out' });
    await embedded.control.card!.unplug();
    let broken = await status(socket);
    await expect
      .poll(async () => {
        broken = await status(socket);
        return broken.json().problems;
      })
      .toEqual([
        'printer: paper out, load a new roll',
        'cardReader: noDevice (reconnecting): not connected, check its cable and port (kiosk-diag devices; on the screen: Change port)',
      ]);
    expect(broken.code).toBe(1);
    const human = await runCaptured(['kiosk', 'status', '--socket', socket]);
    expect(human.stdout).toMatch(/cardReader\s+noDevice/);
    expect(human.stdout).toContain('PROBLEM printer: paper out, load a new roll');
    expect(human.stdout).toContain('Result: devices need attention');
    expect(human.stdout).toContain('Recent device events (newest first, UTC)');
    expect(human.stdout).toMatch(/cardReader\s+noDevice.*link lost/);
    // A test page cannot print now, and says why.
    const failed = await runCaptured([
      'kiosk',
      'run',
      '--socket',
      socket,
      '--test',
      'printTestPage',
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^FAIL printTestPage: Test page failed: .*paper/m);

    embedded.control.printer.setFaults({ paper: 'ok' });
    await embedded.control.card!.plug('original');
    await expect.poll(async () => (await status(socket)).code, { timeout: 8000 }).toBe(0);
    const printed = await runCaptured([
      'kiosk',
      'run',
      '--socket',
      socket,
      '--test',
      'printTestPage',
    ]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^PASS printTestPage: Test page printed \(\d+ bytes\)/m);
    expect(embedded.control.printer.receipts().at(-1)!.join('\n')).toContain('TEST PAGE');

    // The swipe must come while the test read waits for it: watch the reader being asked.
    const readCard = vi.spyOn(manager.cardReader!, 'readCard');
    const reading = runCaptured([
      'kiosk',
      'run',
      '--socket',
      socket,
      '--test',
      'readCardTest',
      '--json',
    ]);
    await vi.waitFor(() => expect(readCard).toHaveBeenCalledOnce(), { timeout: 5000 });
    await embedded.control.card!.swipe('active');
    const read = await reading;
    expect(read.code).toBe(0);
    expect(read.json()).toMatchObject({ ok: true, detail: 'KPJ card *******2128, tracks 1+2' });
  });

  it('refuses tests while a participant is being served, and exits 3 when no kiosk runs', async () => {
    const { kiosk, socket } = await runningKiosk();
    kiosk.api.send({ type: 'start' });
    await expect.poll(() => kiosk.brain.view().screen).toBe('enterKpj');
    const busy = await runCaptured(['kiosk', 'run', '--socket', socket, '--test', 'testHost']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('a participant is using the kiosk');

    const none = await runCaptured(['kiosk', 'status', '--socket', `${socket}.missing`, '--json']);
    expect(none.code).toBe(3);
    expect(none.json()).toMatchObject({ ok: false, exitCode: 3 });
    expect(String(none.json().error)).toContain('no kiosk is running');
    const usage = await runCaptured(['kiosk', 'run', '--socket', socket, '--test', 'eat']);
    expect(usage.code).toBe(2);
  });
});
