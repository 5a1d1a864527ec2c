/** Discovery for technicians: what serial ports and HID devices this machine can see. */

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface HidDeviceInfo {
  path?: string;
  vendorId: number;
  productId: number;
  manufacturer?: string;
  product?: string;
  usagePage?: number;
  usage?: number;
}

export interface DiscoveryResult<T> {
  devices: T[];
  /** Why the list may be incomplete (library missing, no permission); never thrown. */
  error?: string;
}

type Lister<T> = () => Promise<T[]>;

async function defaultSerialList(): Promise<SerialPortInfo[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

async function defaultHidList(): Promise<HidDeviceInfo[]> {
  const hid = await import('node-hid');
  return hid.devicesAsync();
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Serial ports (`SerialPort.list()`), tolerant of a missing or failing native binding. */
export async function listSerialPorts(
  list: Lister<SerialPortInfo> = defaultSerialList,
): Promise<DiscoveryResult<SerialPortInfo>> {
  try {
    const ports = await list();
    return {
      devices: ports.map(({ path, manufacturer, serialNumber, vendorId, productId }) => ({
        path,
        manufacturer,
        serialNumber,
        vendorId,
        productId,
      })),
    };
  } catch (error) {
    return { devices: [], error: `serial ports could not be listed: ${reason(error)}` };
  }
}

/** HID devices (node-hid `devices()`), tolerant of libusb / hidraw being unavailable. */
export async function listHidDevices(
  list: Lister<HidDeviceInfo> = defaultHidList,
): Promise<DiscoveryResult<HidDeviceInfo>> {
  try {
    const devices = await list();
    return {
      devices: devices.map(
        ({ path, vendorId, productId, manufacturer, product, usagePage, usage }) => ({
          path,
          vendorId,
          productId,
          manufacturer,
          product,
          usagePage,
          usage,
        }),
      ),
    };
  } catch (error) {
    return { devices: [], error: `HID devices could not be listed: ${reason(error)}` };
  }
}

/** What the operating system sees, as one injectable pair (tests pass their own lists). */
export interface HardwareListers {
  serialPorts(): Promise<DiscoveryResult<SerialPortInfo>>;
  hidDevices(): Promise<DiscoveryResult<HidDeviceInfo>>;
}

export const systemListers: HardwareListers = {
  serialPorts: () => listSerialPorts(),
  hidDevices: () => listHidDevices(),
};
