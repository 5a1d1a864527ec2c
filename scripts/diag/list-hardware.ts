import {
  listHidDevices,
  listSerialPorts,
  type DiscoveryResult,
  type HidDeviceInfo,
  type SerialPortInfo,
} from '../../devices/manager/discovery';

/** What the operating system sees; the device manager's discovery, injectable for tests. */
export interface HardwareListers {
  serialPorts(): Promise<DiscoveryResult<SerialPortInfo>>;
  hidDevices(): Promise<DiscoveryResult<HidDeviceInfo>>;
}

export const systemListers: HardwareListers = {
  serialPorts: () => listSerialPorts(),
  hidDevices: () => listHidDevices(),
};

/** HID generic desktop keyboard: a wedge reader/scanner the kiosk cannot read (must be HID-data or serial). */
export const isKeyboard = (device: HidDeviceInfo) =>
  device.usagePage === 0x01 && device.usage === 0x06;
