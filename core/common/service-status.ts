/**
 * Whether the kiosk can serve people, and if not why. One monitor (service-monitor.ts) decides
 * it from the host link, the journal and the devices the config requires; the brain, the
 * technician status, the journal and the metrics only read it.
 */
export type OutOfServiceReason = 'hostUnreachable' | 'journalUnwritable' | 'requiredDeviceDown';

export const OUT_OF_SERVICE_REASONS: readonly OutOfServiceReason[] = [
  'hostUnreachable',
  'journalUnwritable',
  'requiredDeviceDown',
];

export interface ServiceStatus {
  /** True when no reason holds. */
  readonly inService: boolean;
  /** Every reason that holds now, in the order of OUT_OF_SERVICE_REASONS. */
  readonly reasons: readonly OutOfServiceReason[];
  /** ISO time the kiosk went out of service (null while in service). */
  readonly since: string | null;
  /** The required devices that are down now (device slot names; empty when none). */
  readonly devicesDown: readonly string[];
}

export interface ServiceStatusSource {
  status(): ServiceStatus;
  /** Called after every change of `reasons` (or `devicesDown`); returns the unsubscribe. */
  onChange(listener: (status: ServiceStatus) => void): () => void;
}

export const IN_SERVICE: ServiceStatus = {
  inService: true,
  reasons: [],
  since: null,
  devicesDown: [],
};
