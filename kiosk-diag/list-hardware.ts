import type { HidDeviceInfo } from '../devices/manager/discovery';

export { systemListers, type HardwareListers } from '../devices/manager/discovery';

/** HID generic desktop keyboard: a wedge reader/scanner the kiosk cannot read (must be HID-data or serial). */
export const isKeyboard = (device: HidDeviceInfo) =>
  device.usagePage === 0x01 && device.usage === 0x06;
