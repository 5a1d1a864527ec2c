import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceClass } from '../devices/common/device';
import type { DriverDefinition } from '../devices/drivers/driver-definition';
import { DRIVERS } from '../devices/drivers/registry';
import {
  systemListers as systemPortListers,
  type DiscoveryResult,
  type HardwareListers as PortListers,
  type HidDeviceInfo,
} from '../devices/manager/discovery';

/** The drivers that read a HID device of this usage (a keyboard-wedge scanner reads keyboards). */
export const driversForHidUsage = (device: HidDeviceInfo): DriverDefinition[] =>
  DRIVERS.filter(
    (driver) =>
      driver.discovery.hidUsage?.page === device.usagePage &&
      driver.discovery.hidUsage?.usage === device.usage,
  );

/** A device file a driver of the kiosk can open (`device-file` transport). */
export interface DeviceFileInfo {
  path: string;
  /** What sits there, in a technician's words. */
  kind: string;
  deviceClass: DeviceClass;
  /** The registry's drivers of that class that work over a device file. */
  drivers: string[];
}

/** The device files the registry's drivers open (USB printers, keyboards by id); `root` for tests. */
export async function listDeviceFiles(root = '/'): Promise<DiscoveryResult<DeviceFileInfo>> {
  const devices: DeviceFileInfo[] = [];
  const errors: string[] = [];
  for (const driver of DRIVERS) {
    const place = driver.discovery.deviceFiles;
    if (!place) continue;
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
    for (const name of names.filter((n) => place.pattern.test(n)).sort()) {
      const path = join(folder, name);
      const listed = devices.find((d) => d.path === path);
      if (listed) listed.drivers.push(driver.name);
      else
        devices.push({
          path,
          kind: place.kind,
          deviceClass: driver.deviceClass,
          drivers: [driver.name],
        });
    }
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
