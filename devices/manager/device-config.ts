import { z } from 'zod';
import { discriminatedBy } from '../common/config-fields';
import type { DeviceEntry } from '../drivers/driver-definition';
import { DEVICE_SLOTS, type DeviceName } from '../drivers/device-slots';
import { DRIVERS } from '../drivers/registry';

export type { SerialTransportConfig } from '../transports/kinds/serial';
export type { TcpTransportConfig } from '../transports/kinds/tcp';
export type { HidTransportConfig } from '../transports/kinds/hid';
export type { TransportConfig, TransportType } from '../transports/transport-kinds';
export type { DeviceEntry } from '../drivers/driver-definition';

/** One slot's entry: the driver, by its `driver` name (or alias), picks the schema of the rest. */
function slotSchema(name: DeviceName): z.ZodType<DeviceEntry> {
  const variants = new Map<string, z.ZodType<DeviceEntry>>();
  for (const driver of DRIVERS)
    if (driver.deviceClass === DEVICE_SLOTS[name])
      for (const key of [driver.name, ...(driver.aliases ?? [])]) variants.set(key, driver.config);
  return discriminatedBy('driver', variants, `${DEVICE_SLOTS[name]} driver`);
}

export const ReconnectConfig = z
  .object({
    /** First wait after a link is lost; doubles on every failed attempt. */
    initialDelayMs: z.number().int().min(10).max(10_000).default(100),
    maxDelayMs: z.number().int().min(10).max(60_000).default(1_000),
  })
  .strict();

/** The `devices` section of the kiosk configuration, from the driver registry. Every device is optional. */
export const DevicesConfig = z
  .object({
    printer: slotSchema('printer').optional(),
    cardReader: slotSchema('cardReader').optional(),
    pinPad: slotSchema('pinPad').optional(),
    scanner: slotSchema('scanner').optional(),
    reconnect: ReconnectConfig.optional(),
  } satisfies Record<DeviceName, unknown> & { reconnect: unknown })
  .strict();

export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type DevicesConfigInput = z.input<typeof DevicesConfig>;

/** Validates a `devices` section on its own; the error names every bad field from `devices.`. */
export function parseDevicesConfig(raw: unknown): DevicesConfig {
  const result = DevicesConfig.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${['devices', ...issue.path].join('.')}: ${issue.message}`,
  );
  throw new Error(`Invalid devices configuration:\n${lines.join('\n')}`);
}
