import type { JournalEntryInput } from '../journal/journal-entry';
import type { AuditSink } from '../session/session-audit';

/**
 * The brain's audit sink with every record also shown to `tap` (the metrics) before it goes to
 * the journal: what is journaled, and whether the kiosk is writable, stay the sink's. With no
 * sink (journal off) the records go nowhere but the tap.
 */
export function tapAudit(
  sink: AuditSink | undefined,
  tap: (entry: JournalEntryInput) => void,
): AuditSink {
  const tapped: AuditSink = {
    record(entry) {
      try {
        tap(entry);
      } catch {
        // Counting never stands between the brain and its journal.
      }
      return sink ? sink.record(entry) : Promise.resolve();
    },
  };
  if (sink?.writable) tapped.writable = () => sink.writable!();
  if (sink?.onWritableChange)
    tapped.onWritableChange = (listener) => sink.onWritableChange!(listener);
  return tapped;
}
