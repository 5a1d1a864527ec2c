import { describe, expect, it } from 'vitest';
import { parseDevicesConfig } from './device-config';

const error = (raw: unknown) => {
  try {
    parseDevicesConfig(raw);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('devices config', () => {
  it('accepts a real-hardware example', () => {
    const config = parseDevicesConfig({
      printer: {
        driver: 'escpos',
        transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 38400 },
        options: { columns: 48, printerModel: 'epson-tm-t88vi' },
      },
      cardReader: {
        driver: 'magstripe',
        mode: 'hid',
        transport: { type: 'hid', vendorId: 0x0801, productId: 0x0002 },
      },
      pinPad: {
        driver: 'serial-pinpad',
        transport: { type: 'serial', path: '/dev/ttyS1', baudRate: 9600 },
      },
      scanner: { driver: 'serial', transport: { type: 'tcp', host: '10.0.0.20', port: 4001 } },
    });
    expect(config.cardReader?.transport).toEqual({ type: 'hid', vendorId: 2049, productId: 2 });
  });

  it('names a missing field inside the chosen transport', () => {
    expect(
      error({ printer: { driver: 'escpos', transport: { type: 'serial', baudRate: 9600 } } }),
    ).toContain('devices.printer.transport.path: Required');
  });

  it('names an unknown transport type and the accepted ones', () => {
    expect(error({ printer: { driver: 'escpos', transport: { type: 'usb' } } })).toContain(
      "devices.printer.transport.type: Expected one of 'serial', 'tcp'",
    );
  });

  it('refuses a card reader whose mode does not fit its transport', () => {
    expect(
      error({
        cardReader: {
          driver: 'magstripe',
          mode: 'hid',
          transport: { type: 'serial', path: '/dev/ttyS0', baudRate: 9600 },
        },
      }),
    ).toContain("devices.cardReader.transport.type: mode 'hid' needs a 'hid' transport");
  });

  it('names the missing transport of a scanner or card reader instead of crashing', () => {
    expect(error({ scanner: { driver: 'serial' } })).toContain(
      'devices.scanner.transport: Required',
    );
    expect(error({ cardReader: { driver: 'magstripe', mode: 'hid' } })).toContain(
      'devices.cardReader.transport: Required',
    );
  });

  it('asks for both HID IDs when there is no path', () => {
    expect(
      error({ scanner: { driver: 'hid', transport: { type: 'hid', vendorId: 1 } } }),
    ).toContain('devices.scanner.transport.productId: Required');
  });

  it('refuses unknown fields (typos) and unknown drivers', () => {
    expect(error({ printr: {} })).toContain('devices');
    expect(
      error({ pinPad: { driver: 'epp', transport: { type: 'tcp', host: 'a', port: 1 } } }),
    ).toContain('devices.pinPad.driver');
  });
});
