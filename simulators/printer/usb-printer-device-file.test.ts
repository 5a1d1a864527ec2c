import { afterEach, describe, expect, it } from 'vitest';
import { usbPrinterDriver } from '../../devices/drivers/usb-printer';
import { parseDevicesConfig } from '../../devices/manager/device-config';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import { createTransport } from '../../devices/transports/transport-kinds';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair } from '../common/pty-pair';
import { startPtyDeviceLine } from '../embedded/pty-device-line';
import { socatAvailable } from '../embedded/socat-available';
import { createPrinterSimulator } from './printer-simulator';
import { receiptText } from './receipt-model';
import { SAMPLE_SUMMARY, sampleBalanceReceipt } from './test-fixtures';

// The USB printer class driver against the printer simulator. The stand-in for /dev/usb/lp0
// is a pty from socat: a character device the driver opens as a plain file (read+write, one
// path), while the simulator answers on the other end.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const balanceReceipt = () => sampleBalanceReceipt(42);

const closingBalanceLine = /^Saldo Akhir +Rp 50\.870\.000$/;

describe.skipIf(!socatAvailable())('usb-printer on a device file', () => {
  it('prints a balance receipt and reads paper out by DLE EOT', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.close());
    const sim = createPrinterSimulator({ columns: 42 });
    const printerEnd = new SerialTransport({ path: pty.devicePath, baudRate: 115200 });
    await sim.attach(printerEnd);
    cleanups.push(() => printerEnd.close());

    const config = usbPrinterDriver.config.parse({
      driver: 'usb-printer',
      transport: { type: 'device-file', path: pty.hostPath },
    });
    const printer = usbPrinterDriver.create(createTransport(config.transport), config, {
      answerTimeoutMs: 500,
      pollIntervalMs: 0,
    });
    cleanups.push(() => printer.close());
    expect((await printer.open()).code).toBe('success');
    expect(printer.capabilities().transport).toBe(`file:${pty.hostPath}`);

    expect((await printer.print(balanceReceipt())).code).toBe('success');
    const paper = receiptText(sim.receipts[0]!);
    expect(paper).toContainEqual(expect.stringMatching(closingBalanceLine));
    expect(paper.join('\n')).toContain('*******2128');
    expect(paper.join('\n')).not.toContain(SAMPLE_SUMMARY.participant.kpj);

    sim.setPaper('out');
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status().paper).toBe('out');
    expect(usbPrinterDriver.diagnostics.assess!(printer).problems).toEqual([
      'paper out: load a new roll and close the cover',
    ]);
    expect(await printer.print(balanceReceipt())).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/paper out/),
    });
    expect(sim.receipts).toHaveLength(1);
  });

  it('the device manager prints, sees the printer unplugged and reconnects when it is back', async () => {
    const line = await startPtyDeviceLine(115200);
    cleanups.push(() => line.close());
    const sim = createPrinterSimulator({ columns: 42 });
    await sim.attach(line.device);

    const manager = new DeviceManager(
      parseDevicesConfig({
        printer: { driver: 'usb-printer', transport: { type: 'device-file', path: line.hostPath } },
        reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      }),
      { statusTimeoutMs: 300, printerPollIntervalMs: 0 },
    );
    cleanups.push(() => manager.stop());
    const seen: DeviceSnapshot[] = [];
    manager.onChange(({ snapshot }) => seen.push(snapshot));
    const printerIs = (state: string) =>
      expect
        .poll(() => manager.snapshot('printer')?.state, { timeout: 5000, interval: 20 })
        .toBe(state);

    await manager.start();
    await printerIs('online');
    expect(manager.snapshot('printer')).toMatchObject({
      driver: 'usb-printer',
      transport: `file:${line.hostPath}`,
    });
    expect((await manager.printer!.print(balanceReceipt())).code).toBe('success');
    expect(receiptText(sim.receipts[0]!)).toContainEqual(expect.stringMatching(closingBalanceLine));

    await line.unplug();
    await printerIs('noDevice');
    expect(manager.snapshot('printer')?.lastError?.description).toMatch(/link lost/);
    expect(await manager.printer!.print(balanceReceipt())).toMatchObject({
      code: 'deviceNotReady',
    });

    await line.plug();
    await sim.attach(line.device);
    await printerIs('online');
    expect((await manager.printer!.print(balanceReceipt())).code).toBe('success');
    expect(sim.receipts).toHaveLength(2);
    expect(seen.some((snapshot) => snapshot.reconnecting)).toBe(true);
  }, 20_000);
});
