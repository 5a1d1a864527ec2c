import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceClass } from '../devices/common/device';
import type { DriverDefinition } from '../devices/drivers/driver-definition';
import { driversOf, findDriver } from '../devices/drivers/registry';
import {
  systemListers as systemPortListers,
  type DiscoveryResult,
  type HardwareListers as PortListers,
  type HidDeviceInfo,
} from '../devices/manager/discovery';

/** HID generic desktop keyboard: a keyboard-wedge scanner (or a real keyboard). */
export const isKeyboard = (device: HidDeviceInfo) =>
  device.usagePage === 0x01 && device.usage === 0x06;

/** The driver that reads a HID keyboard as a scanner, if the registry has it. */
export const keyboardWedgeDriver = (): DriverDefinition | undefined =>
  findDriver('keyboard-wedge', 'scanner');

/** A device file a driver of the kiosk can open (`device-file` transport). */
export interface DeviceFileInfo {
  path: string;
  /** What sits there, in a technician's words. */
  kind: string;
  deviceClass: DeviceClass;
  /** The registry's drivers of that class that work over a device file. */
  drivers: string[];
}

/** Where the kernel puts device files of the kinds the kiosk's drivers read. */
const DEVICE_FILE_PLACES: ReadonlyArray<{
  folder: string;
  matches: (name: string) => boolean;
  kind: string;
  deviceClass: DeviceClass;
}> = [
  {
    folder: 'dev/usb',
    matches: (name) => /^lp\d+$/.test(name),
    kind: 'USB printer class (usblp)',
    deviceClass: 'receiptPrinter',
  },
  {
    folder: 'dev/input/by-id',
    matches: (name) => name.endsWith('-event-kbd'),
    kind: 'keyboard input events (evdev)',
    deviceClass: 'scanner',
  },
];

const deviceFileDrivers = (deviceClass: DeviceClass) =>
  driversOf(deviceClass)
    .filter((driver) => driver.transports.includes('device-file'))
    .map((driver) => driver.name);

/** USB printers (/dev/usb/lp*) and keyboards by id (/dev/input/by-id/*-event-kbd); `root` for tests. */
export async function listDeviceFiles(root = '/'): Promise<DiscoveryResult<DeviceFileInfo>> {
  const devices: DeviceFileInfo[] = [];
  const errors: string[] = [];
  for (const place of DEVICE_FILE_PLACES) {
    const folder = join(root, place.folder);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      // No such folder: no such device plugged in (or the kernel module not loaded).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        errors.push(`${folder} could not be listed: ${(error as Error).message}`);
      continue;
    }
    for (const name of names.filter(place.matches).sort())
      devices.push({
        path: join(folder, name),
        kind: place.kind,
        deviceClass: place.deviceClass,
        drivers: deviceFileDrivers(place.deviceClass),
      });
  }
  return errors.length ? { devices, error: errors.join('; ') } : { devices };
}

/** What the operating system sees; tests pass their own lists. */
export interface HardwareListers extends PortListers {
  deviceFiles(): Promise<DiscoveryResult<DeviceFileInfo>>;
}

export const systemListers: HardwareListers = {
  ...systemPortListers,
  deviceFiles: () => listDeviceFiles(),
};
