import type { ServiceStatus, ServiceStatusSource } from '../common/service-status';
import type { AuditSink } from '../session/session-audit';

/**
 * Every change in and out of service as a journal record. Going out because the journal cannot
 * be written is not recorded (it cannot be); the journal marks that outage itself, and the
 * record of coming back says what held the kiosk.
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
  return service.onChange((status) => {
    const previous = before;
    before = status;
    if (status.inService) {
      const seconds = previous.since
        ? Math.max(0, Math.round((now().getTime() - Date.parse(previous.since)) / 1000))
        : 0;
      record({ type: 'backInService', data: { reasons: [...previous.reasons], seconds } });
    } else if (!status.reasons.includes('journalUnwritable'))
      record({
        type: 'outOfService',
        data: { reasons: [...status.reasons], devicesDown: [...status.devicesDown] },
      });
  });
}
