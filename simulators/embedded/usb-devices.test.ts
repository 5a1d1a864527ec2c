import { afterEach, describe, expect, it } from 'vitest';
import { parseDevicesConfig } from '../../devices/manager/device-config';
import { DeviceManager } from '../../devices/manager/device-manager';
import { FIXTURES } from '../host';
import { startEmbeddedDevices, type EmbeddedDevices } from './embedded-devices';
import { socatAvailable } from './socat-available';

// `npm start -- --usb-devices` and the e2e stack's `simulateDevices: 'usb'`: the printer and the
// scanner on device-file stand-ins, driven through the panel's controls as the others are.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kioskOn(embedded: EmbeddedDevices): Promise<DeviceManager> {
  const manager = new DeviceManager(
    parseDevicesConfig({
      printer: embedded.config.printer,
      scanner: embedded.config.scanner,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    }),
    { statusTimeoutMs: 300, printerPollIntervalMs: 0 },
  );
  cleanups.push(() => manager.stop());
  await manager.start();
  return manager;
}

describe.skipIf(!socatAvailable())("the embedded devices' USB option", () => {
  it('runs a usb-printer and a keyboard-wedge scanner the kiosk prints to and scans from', async () => {
    const embedded = await startEmbeddedDevices({ printerAndScanner: 'usb' });
    cleanups.push(() => embedded.close());
    expect(embedded.skipped).toEqual([]);
    expect(embedded.config.printer).toMatchObject({
      driver: 'usb-printer',
      transport: { type: 'device-file' },
    });
    expect(embedded.config.scanner).toMatchObject({
      driver: 'keyboard-wedge',
      transport: { type: 'device-file' },
    });
    const manager = await kioskOn(embedded);
    const stateOf = (name: 'printer' | 'scanner') =>
      expect.poll(() => manager.snapshot(name)?.state, { timeout: 5000, interval: 20 });
    await stateOf('printer').toBe('online');
    await stateOf('scanner').toBe('online');

    const printed = await manager.printer!.print({
      name: 'check',
      elements: [{ kind: 'text', text: 'HELLO USB' }, { kind: 'cut' }],
    });
    expect(printed.code).toBe('success');
    expect(embedded.control.printer.receipts()).toEqual([expect.arrayContaining(['HELLO USB'])]);

    const read = manager.scanner!.readKpj(3000);
    await embedded.control.scanner!.scan('jmoQr', 'active');
    expect(await read).toMatchObject({
      code: 'success',
      value: { maskedKpj: '*******' + FIXTURES.active.kpj.slice(-4), source: 'jmoUrl' },
    });

    await embedded.control.printer.disconnect();
    expect(embedded.control.printer.state().connected).toBe(false);
    await stateOf('printer').toBe('noDevice');
    await embedded.control.printer.reconnect();
    await stateOf('printer').toBe('online');
    expect(
      (await manager.printer!.print({ name: 'again', elements: [{ kind: 'cut' }] })).code,
    ).toBe('success');
  }, 20_000);
});
