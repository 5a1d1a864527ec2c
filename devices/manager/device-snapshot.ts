import type { DeviceClass, DeviceState } from '../common/device';

export type { DeviceName } from '../drivers/device-slots';
import type { DeviceName } from '../drivers/device-slots';

/** One device as technicians and the kiosk see it: never card, PIN or personal data. */
export interface DeviceSnapshot {
  name: DeviceName;
  deviceClass: DeviceClass;
  /** The registry driver's name (devices/drivers/registry.ts). */
  driver: string;
  /** e.g. `serial:/dev/ttyUSB0@9600`, `tcp:10.0.0.5:9100`. */
  transport: string;
  /** `noDevice` while the link is lost and being reopened. */
  state: DeviceState;
  /** Media / paper / entry detail, e.g. `paper low`, `card present`. */
  detail?: string;
  capabilities: Record<string, unknown>;
  lastError?: { description: string; at: string };
  counters: Record<string, number>;
  /** The manager is trying to reopen a lost link. */
  reconnecting: boolean;
}

export interface DeviceChange {
  type: 'statusChanged';
  snapshot: DeviceSnapshot;
}
