import type { KioskConfig } from '../core/config/kiosk-config';
import { DEVICE_SLOTS, type DeviceName } from '../devices/drivers/device-slots';
import type { DeviceEntry, DriverDefinition } from '../devices/drivers/driver-definition';
import { findDriver } from '../devices/drivers/registry';
import { usageError } from './exit-codes';

export { DEVICE_NAMES as CONFIGURED_DEVICES } from '../devices/drivers/device-slots';

/** A device as kiosk-diag reaches it: its registry driver and its config entry. */
export interface SelectedDevice {
  driver: DriverDefinition;
  entry: DeviceEntry;
}

/** A device of the config's `devices` section (validated on load). */
export function deviceFromConfig(
  config: KioskConfig,
  source: string,
  name: DeviceName,
): SelectedDevice {
  const entry = config.devices?.[name];
  if (!entry)
    throw usageError(
      `${source} has no devices.${name} section: say where the device is with --port, --tcp, --hid or --file`,
    );
  const driver = findDriver(entry.driver, DEVICE_SLOTS[name]);
  if (!driver) throw usageError(`devices.${name}: no driver '${entry.driver}'`);
  return { driver, entry };
}
