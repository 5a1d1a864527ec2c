import { z } from 'zod';

/**
 * Whether the kiosk can serve people, and if not why. One monitor (core/session/service-monitor.ts)
 * decides it from the host link, the journal and the devices the config requires; the brain, the
 * technician status, the journal and the metrics only read it.
 */
export const OutOfServiceReason = z.enum([
  'hostUnreachable',
  'journalUnwritable',
  'requiredDeviceDown',
]);
export type OutOfServiceReason = z.infer<typeof OutOfServiceReason>;

export const OUT_OF_SERVICE_REASONS: readonly OutOfServiceReason[] = OutOfServiceReason.options;

export const ServiceStatus = z.object({
  /** True when no reason holds. */
  inService: z.boolean(),
  /** Every reason that holds now, in the order of OUT_OF_SERVICE_REASONS. */
  reasons: z.array(OutOfServiceReason),
  /** ISO time the kiosk went out of service (null while in service). */
  since: z.string().nullable(),
  /** The required devices that are down now (device slot names; empty when none). */
  devicesDown: z.array(z.string()),
});
export type ServiceStatus = z.infer<typeof ServiceStatus>;

export interface ServiceStatusSource {
  status(): ServiceStatus;
  /** Called after every change of `reasons` (or `devicesDown`); returns the unsubscribe. */
  onChange(listener: (status: ServiceStatus) => void): () => void;
}

export const IN_SERVICE: ServiceStatus = Object.freeze({
  inService: true,
  reasons: [],
  since: null,
  devicesDown: [],
});
