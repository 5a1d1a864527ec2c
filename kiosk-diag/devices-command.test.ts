import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.test-helper';
import { createDevicesCommand } from './commands/devices';
import { listHidDevices, listSerialPorts } from '../devices/manager/discovery';
import { listDeviceFiles, type HardwareListers } from './list-hardware';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A stand-in for /dev with a USB printer, a scanner's and a keyboard's evdev links, and noise. */
async function fakeDev(): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'diag-dev-'));
  await mkdir(join(root, 'dev/usb'), { recursive: true });
  await mkdir(join(root, 'dev/input/by-id'), { recursive: true });
  for (const file of [
    'dev/usb/lp0',
    'dev/usb/hiddev0',
    'dev/input/by-id/usb-Honeywell_Scanner-event-kbd',
    'dev/input/by-id/usb-Logitech_Mouse-event-mouse',
  ])
    await writeFile(join(root, file), '');
  return root;
}

const noDeviceFiles = () => listDeviceFiles('/nonexistent-kiosk-diag-root');

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
      deviceFiles: noDeviceFiles,
    };
    const human = await run(listers);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\/dev\/ttyUSB0\s+0403:6001\s+FTDI\s+A10K1234/);
    expect(human.stdout).toMatch(
      /\/dev\/hidraw0\s+0801:0002\s+MagTek\s+USB Swipe Reader\s+ff00\/0001/,
    );
    expect(human.stdout).toMatch(
      /\/dev\/hidraw1.*keyboard, a wedge scanner \(--driver keyboard-wedge\)/,
    );
    expect(human.stdout).not.toContain('not usable');
    expect(human.stdout).toContain('Device files\n  (none)');

    const json = (await run(listers, '--json')).json();
    expect(json).toMatchObject({
      ok: true,
      serialPorts: [usbSerial],
      hidDevices: [{ drivers: [] }, { drivers: ['keyboard-wedge'] }],
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
      deviceFiles: noDeviceFiles,
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

  it('lists USB printer and keyboard device files with the drivers that open them', async () => {
    const dev = await fakeDev();
    const listers: HardwareListers = {
      serialPorts: () => listSerialPorts(async () => []),
      hidDevices: () => listHidDevices(async () => []),
      deviceFiles: () => listDeviceFiles(dev),
    };
    const human = await run(listers);
    expect(human.code).toBe(0);
    const lp0 = join(dev, 'dev/usb/lp0');
    const kbd = join(dev, 'dev/input/by-id/usb-Honeywell_Scanner-event-kbd');
    expect(human.stdout).toMatch(
      new RegExp(`${lp0}\\s+USB printer class \\(usblp\\)\\s+usb-printer`),
    );
    expect(human.stdout).toMatch(
      new RegExp(`${kbd}\\s+keyboard input events \\(evdev\\)\\s+keyboard-wedge`),
    );
    expect(human.stdout).not.toContain('hiddev0');
    expect(human.stdout).not.toContain('event-mouse');
    // The registry's discovery hints, one line per driver.
    expect(human.stdout).toMatch(
      /usb-printer\s+USB printer class devices show as \/dev\/usb\/lp\*/,
    );
    expect(human.stdout).toMatch(/keyboard-wedge\s+keyboard-wedge scanners show as/);

    const json = (await run(listers, '--json')).json();
    expect(json.deviceFiles).toEqual([
      {
        path: lp0,
        kind: 'USB printer class (usblp)',
        deviceClass: 'receiptPrinter',
        drivers: ['usb-printer'],
      },
      {
        path: kbd,
        kind: 'keyboard input events (evdev)',
        deviceClass: 'scanner',
        drivers: ['keyboard-wedge'],
      },
    ]);
    expect(json.hints).toContainEqual({
      driver: 'usb-printer',
      hint: expect.stringContaining('/dev/usb/lp*'),
    });
  });

  it('reads the real system lists without crashing', async () => {
    const real = await runCaptured(['devices', '--json']);
    expect([0, 1]).toContain(real.code);
    expect(real.json()).toHaveProperty('serialPorts');
    expect(real.json()).toHaveProperty('deviceFiles');
  });
});
