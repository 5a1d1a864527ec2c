/** What the operating system sees: serial ports (serialport) and HID devices (node-hid). */

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface HidDeviceEntry {
  path?: string;
  vendorId: number;
  productId: number;
  manufacturer?: string;
  product?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

export type Listing<T> = { ok: true; items: T[] } | { ok: false; error: string };

export interface HardwareListers {
  serialPorts(): Promise<SerialPortEntry[]>;
  hidDevices(): Promise<HidDeviceEntry[]>;
}

export const systemListers: HardwareListers = {
  async serialPorts() {
    const { SerialPort } = await import('serialport');
    return (await SerialPort.list()).map((port) => ({
      path: port.path,
      manufacturer: port.manufacturer,
      serialNumber: port.serialNumber,
      vendorId: port.vendorId,
      productId: port.productId,
    }));
  },
  async hidDevices() {
    // node-hid is native: loading it or enumerating fails when libusb / hidraw is missing.
    const hid = await import('node-hid');
    return hid.devices().map((device) => ({
      path: device.path,
      vendorId: device.vendorId,
      productId: device.productId,
      manufacturer: device.manufacturer,
      product: device.product,
      usagePage: device.usagePage,
      usage: device.usage,
      interface: device.interface,
    }));
  },
};

/** Runs a lister and turns a throw into an explanation instead of a crash. */
export async function tryList<T>(list: () => Promise<T[]>, what: string): Promise<Listing<T>> {
  try {
    return { ok: true, items: await list() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `cannot list ${what}: ${firstLine(reason)}` };
  }
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/** HID generic desktop keyboard: a wedge reader/scanner the kiosk cannot read (must be HID-data or serial). */
export const isKeyboard = (device: HidDeviceEntry) =>
  device.usagePage === 0x01 && device.usage === 0x06;
