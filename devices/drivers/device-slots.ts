import type { DeviceClass } from '../common/device';

/**
 * The kiosk's device slots, as its config's `devices` section names them, and the device class
 * each holds: one printer, one card reader, one pin pad, one scanner at most.
 */
export const DEVICE_SLOTS = {
  printer: 'receiptPrinter',
  cardReader: 'cardReader',
  pinPad: 'pinPad',
  scanner: 'scanner',
} as const satisfies Record<string, DeviceClass>;

export type DeviceName = keyof typeof DEVICE_SLOTS;
export const DEVICE_NAMES = Object.keys(DEVICE_SLOTS) as DeviceName[];

export const isDeviceName = (name: string): name is DeviceName => Object.hasOwn(DEVICE_SLOTS, name);
