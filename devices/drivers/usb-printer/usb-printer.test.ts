import { describe, expect, it } from 'vitest';
import { parseDevicesConfig } from '../../manager/device-config';
import { statusByte } from '../../printer/escpos-status';
import { job } from '../../printer/print-job';
import { createMemoryTransportPair } from '../../transports/memory-transport';
import { findDriver } from '../registry';
import { usbPrinterDriver } from '.';

const USB_PRINTER = {
  driver: 'usb-printer',
  transport: { type: 'device-file', path: '/dev/usb/lp0' },
};

const problemsOf = (printer: unknown): string[] => {
  try {
    parseDevicesConfig({ printer });
    return [];
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
};

describe('usb-printer config', () => {
  it('is the printer driver a config chooses by its name, on a device file', () => {
    expect(findDriver('usb-printer', 'receiptPrinter')).toBe(usbPrinterDriver);
    expect(parseDevicesConfig({ printer: { ...USB_PRINTER, options: { columns: 32 } } })).toEqual({
      printer: { ...USB_PRINTER, options: { columns: 32 } },
    });
  });

  it('names the bad field', () => {
    expect(problemsOf({ driver: 'usb-printer', transport: { type: 'device-file' } })).toEqual([
      '  - devices.printer.transport.path: Required',
    ]);
    expect(
      problemsOf({ ...USB_PRINTER, transport: { type: 'device-file', path: '/dev/usb/lp0\n' } }),
    ).toEqual([
      '  - devices.printer.transport.path: must not contain control characters (NUL, tab, line breaks, ESC)',
    ]);
    expect(
      problemsOf({
        ...USB_PRINTER,
        transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
      }),
    ).toEqual(["  - devices.printer.transport.type: Expected one of 'device-file'"]);
    expect(problemsOf({ ...USB_PRINTER, options: { columns: 100 } })).toEqual([
      '  - devices.printer.options.columns: Expected 32, 42, 48 (58mm: 32; 80mm: 42 or 48)',
    ]);
  });
});

describe('usb-printer driver', () => {
  it('prints at the configured width and tells a technician the paper is out', async () => {
    const { host, device } = createMemoryTransportPair();
    const written: number[] = [];
    let paperByte = 0;
    await device.open();
    device.onData((data) => {
      written.push(...data);
      for (let i = 0; i + 2 < data.length; i++)
        if (data[i] === 0x10 && data[i + 1] === 0x04)
          void device.write(Uint8Array.of(statusByte(data[i + 2] === 4 ? paperByte : 0)));
    });
    const config = usbPrinterDriver.config.parse({ ...USB_PRINTER, options: { columns: 32 } });
    const printer = usbPrinterDriver.create(host, config, {
      answerTimeoutMs: 200,
      pollIntervalMs: 0,
    });
    expect((await printer.open()).code).toBe('success');
    expect(printer.capabilities()).toMatchObject({ columns: 32 });
    const receipt = { name: 'test-receipt', elements: [job.text('Saldo'), job.cut()] };
    expect((await printer.print(receipt)).code).toBe('success');
    expect(Buffer.from(written).toString('latin1')).toContain('Saldo');

    paperByte = 0x60; // DLE EOT 4: paper end sensor
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(usbPrinterDriver.diagnostics.assess!(printer).problems).toEqual([
      'paper out: load a new roll and close the cover',
    ]);
    expect(usbPrinterDriver.diagnostics.detail!(printer)).toBe('paper out, cover closed');
    await printer.close();
  });
});
