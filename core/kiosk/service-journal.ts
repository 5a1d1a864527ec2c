import {
  OUT_OF_SERVICE_REASONS,
  type OutOfServiceReason,
  type ServiceStatus,
  type ServiceStatusSource,
} from '../common/service-status';
import type { AuditSink } from '../session/session-audit';

/**
 * Every change in and out of service as a journal record. Going out because the journal cannot
 * be written is not recorded (it cannot be); the journal marks that outage itself, and the
 * record of coming back says everything that held the kiosk during the outage.
 */
export function journalServiceChanges(
  service: ServiceStatusSource,
  audit: AuditSink,
  logger: { warn(o: object, m: string): void },
  now: () => Date,
): () => void {
  let before: ServiceStatus = service.status();
  const record = (entry: Parameters<AuditSink['record']>[0]) =>
    void audit
      .record(entry)
      .catch((error: unknown) =>
        logger.warn(
          { err: (error as Error).message, type: entry.type },
          'service change not journaled',
        ),
      );
  /** Every reason that held at some time during this outage. */
  const held = new Set<OutOfServiceReason>(before.reasons);
  return service.onChange((status) => {
    const previous = before;
    before = status;
    for (const reason of status.reasons) held.add(reason);
    if (status.inService) {
      const seconds = previous.since
        ? Math.max(0, Math.round((now().getTime() - Date.parse(previous.since)) / 1000))
        : 0;
      const reasons = OUT_OF_SERVICE_REASONS.filter((reason) => held.has(reason));
      held.clear();
      record({ type: 'backInService', data: { reasons, seconds } });
    } else if (!status.reasons.includes('journalUnwritable'))
      record({
        type: 'outOfService',
        data: { reasons: [...status.reasons], devicesDown: [...status.devicesDown] },
      });
  });
}
