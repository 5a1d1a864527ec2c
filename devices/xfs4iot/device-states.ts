import type { DeviceState } from '../common/device';

/** Common.Status `common.device` (StatusPropertiesClass.DeviceEnum in CommonSchemas_g.cs). */
export const XFS_DEVICE_STATES = [
  'online',
  'offline',
  'powerOff',
  'noDevice',
  'hardwareError',
  'userError',
  'deviceBusy',
  'fraudAttempt',
  'potentialFraud',
  'starting',
] as const;
export type XfsDeviceState = (typeof XFS_DEVICE_STATES)[number];

/** The kiosk's device state for a service's: the same word, but `deviceBusy` is `busy`. */
export const kioskDeviceState = (state: XfsDeviceState): DeviceState =>
  state === 'deviceBusy' ? 'busy' : state;
