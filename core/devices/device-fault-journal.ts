import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { AuditSink } from '../session/session-audit';
import type { DeviceChanges } from './device-event-log';
import type { AdapterLogger } from './brain-port';

const DETAIL_PROBLEMS = ['paper out', 'cover open', 'media jammed'] as const;
export type DetailProblem = (typeof DETAIL_PROBLEMS)[number];

/** The problems a device's detail text names (`paper out, cover open` -> both). */
export function detailProblems(detail: string | undefined): DetailProblem[] {
  return DETAIL_PROBLEMS.filter((problem) => detail?.includes(problem));
}

/** What is wrong with a device, in a few words, or null when it is fine. */
export function deviceFault(snapshot: DeviceSnapshot): string | null {
  const printerProblem =
    snapshot.deviceClass === 'receiptPrinter' ? detailProblems(snapshot.detail) : [];
  if (snapshot.state === 'online' && printerProblem.length === 0) return null;
  const parts: string[] = [snapshot.state, ...printerProblem];
  if (snapshot.lastError) parts.push(snapshot.lastError.description);
  return parts.join(', ').slice(0, 200);
}

/** Told when a device that worked stops working, and when it works again. */
export interface DeviceFaultListener {
  fault(device: string, fault: string): void;
  recovered(device: string): void;
}

/**
 * The one rule for when a device is in trouble: a fault when a device that worked stops
 * working (link lost, offline, paper out, cover open), a recovery when it works again, once
 * each. A device not working when the kiosk starts is a fault after `startGraceMs` (it may
 * just be opening).
 */
export function watchDeviceFaults(
  manager: DeviceChanges,
  listener: DeviceFaultListener,
  options: { startGraceMs?: number } = {},
): () => void {
  const faulty = new Map<string, boolean>();
  const note = (snapshot: DeviceSnapshot, atStart = false) => {
    const fault = deviceFault(snapshot);
    const was = faulty.get(snapshot.name);
    if (fault && was !== true && (was === false || atStart)) {
      faulty.set(snapshot.name, true);
      listener.fault(snapshot.name, fault);
    } else if (!fault && was === true) {
      faulty.set(snapshot.name, false);
      listener.recovered(snapshot.name);
    } else if (!fault) faulty.set(snapshot.name, false);
  };
  // Devices already working when this starts count as working.
  for (const snapshot of manager.snapshots()) if (!deviceFault(snapshot)) note(snapshot);
  const off = manager.onChange(({ snapshot }) => note(snapshot));
  const grace = setTimeout(() => {
    for (const snapshot of manager.snapshots())
      if (!faulty.has(snapshot.name)) note(snapshot, true);
  }, options.startGraceMs ?? 10_000);
  grace.unref?.();
  return () => {
    clearTimeout(grace);
    off();
  };
}

/** Journals device faults and recoveries (`deviceFault`, `deviceRecovered`); journal failures are logged, never thrown. */
export function journalDeviceFaults(
  manager: DeviceChanges,
  audit: AuditSink,
  logger: AdapterLogger,
  options: { startGraceMs?: number } = {},
): () => void {
  const write = (entry: Parameters<AuditSink['record']>[0]) =>
    void audit
      .record(entry)
      .catch((error: unknown) =>
        logger.warn({ err: (error as Error).message }, 'device fault not journaled'),
      );
  // The journal refuses personal data itself (long digit runs); device errors carry none.
  return watchDeviceFaults(
    manager,
    {
      fault: (device, fault) => write({ type: 'deviceFault', data: { device, fault } }),
      recovered: (device) => write({ type: 'deviceRecovered', data: { device } }),
    },
    options,
  );
}

/** Device trouble is a warning in the operator's log (recovery is info). */
export function logDeviceFaults(
  manager: DeviceChanges,
  logger: AdapterLogger,
  options: { startGraceMs?: number } = {},
): () => void {
  return watchDeviceFaults(
    manager,
    {
      fault: (device, fault) => logger.warn({ device, fault }, 'device trouble'),
      recovered: (device) => logger.info({ device }, 'device recovered'),
    },
    options,
  );
}
