import type { DeviceClass } from '../common/device';
import type { DriverDefinition } from './driver-definition';
import { escposDriver } from './escpos';
import { hidScannerDriver } from './hid-scanner';
import { keyboardWedgeDriver } from './keyboard-wedge';
import { magstripeDriver } from './magstripe';
import { serialPinPadDriver } from './serial-pinpad';
import { serialScannerDriver } from './serial-scanner';
import { usbPrinterDriver } from './usb-printer';
import { xfs4iotPinPadDriver } from './xfs4iot-pinpad';
import { xfs4iotPrinterDriver } from './xfs4iot-printer';
import { xfs4iotBarcodeReaderDriver } from './xfs4iot-barcode-reader';
import { xfs4iotCardReaderDriver } from './xfs4iot-card-reader';

/**
 * Every driver the kiosk can run. A new driver is one folder beside these and one line here;
 * the manager, config validation, kiosk-diag and the technician screen find it from this list.
 */
export const DRIVERS: readonly DriverDefinition[] = [
  escposDriver,
  magstripeDriver,
  serialPinPadDriver,
  serialScannerDriver,
  hidScannerDriver,
  usbPrinterDriver,
  keyboardWedgeDriver,
  xfs4iotPrinterDriver,
  xfs4iotPinPadDriver,
  xfs4iotCardReaderDriver,
  xfs4iotBarcodeReaderDriver,
] as unknown as readonly DriverDefinition[];

export const driversOf = (deviceClass: DeviceClass): DriverDefinition[] =>
  DRIVERS.filter((driver) => driver.deviceClass === deviceClass);

/** The driver a name (or an older alias) stands for, within a class or among all. */
export function findDriver(name: string, deviceClass?: DeviceClass): DriverDefinition | undefined {
  return DRIVERS.find(
    (driver) =>
      (deviceClass === undefined || driver.deviceClass === deviceClass) &&
      (driver.name === name || (driver.aliases ?? []).includes(name)),
  );
}
