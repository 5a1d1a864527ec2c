import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.test-helper';
import { createDevicesCommand } from './commands/devices';
import { listHidDevices, listSerialPorts } from '../devices/manager/discovery';
import type { HardwareListers } from './list-hardware';

const usbSerial = {
  path: '/dev/ttyUSB0',
  manufacturer: 'FTDI',
  vendorId: '0403',
  productId: '6001',
  serialNumber: 'A10K1234',
};
const hidReader = {
  path: '/dev/hidraw0',
  vendorId: 0x0801,
  productId: 0x0002,
  manufacturer: 'MagTek',
  product: 'USB Swipe Reader',
  usagePage: 0xff00,
  usage: 0x01,
};
const wedgeScanner = { ...hidReader, path: '/dev/hidraw1', usagePage: 0x01, usage: 0x06 };

const run = (listers: HardwareListers, ...args: string[]) =>
  runCaptured(['devices', ...args], { commands: [createDevicesCommand(listers)] });

describe('kiosk-diag devices', () => {
  it('lists serial ports and HID devices, flagging keyboard-wedge devices', async () => {
    const listers: HardwareListers = {
      serialPorts: () => listSerialPorts(async () => [usbSerial]),
      hidDevices: () => listHidDevices(async () => [hidReader, wedgeScanner]),
    };
    const human = await run(listers);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\/dev\/ttyUSB0\s+0403:6001\s+FTDI\s+A10K1234/);
    expect(human.stdout).toMatch(
      /\/dev\/hidraw0\s+0801:0002\s+MagTek\s+USB Swipe Reader\s+ff00\/0001/,
    );
    expect(human.stdout).toMatch(/\/dev\/hidraw1.*keyboard \(wedge mode: not usable\)/);

    const json = (await run(listers, '--json')).json();
    expect(json).toMatchObject({
      ok: true,
      serialPorts: [usbSerial],
      hidDevices: [{ keyboard: false }, { keyboard: true }],
    });
  });

  it('still lists serial ports when node-hid cannot load libusb, and says so', async () => {
    const listers: HardwareListers = {
      serialPorts: () => listSerialPorts(async () => [usbSerial]),
      hidDevices: () =>
        listHidDevices(async () => {
          throw new Error(
            'libusb-1.0.so.0: cannot open shared object file: No such file or directory',
          );
        }),
    };
    const human = await run(listers);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('/dev/ttyUSB0');
    expect(human.stdout).toMatch(/ERROR: .*libusb-1\.0\.so\.0: cannot open shared object/);
    expect(human.stdout).toContain('apt install libusb-1.0-0');

    const json = await run(listers, '--json');
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({
      ok: false,
      serialPorts: [usbSerial],
      hidDevices: [],
      errors: [expect.stringContaining('libusb')],
    });
  });

  it('reads the real system lists without crashing', async () => {
    const real = await runCaptured(['devices', '--json']);
    expect([0, 1]).toContain(real.code);
    expect(real.json()).toHaveProperty('serialPorts');
  });
});
