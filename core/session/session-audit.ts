import type { JournalEntryInput } from '../journal/journal-entry';
import type { SessionFact } from './session-facts';
import { newSessionId } from './session-id';

/** Where the session flow's audit records go (the journal). Resolves once the record is durable. */
export interface AuditSink {
  record(entry: JournalEntryInput): Promise<void>;
  /** False while records cannot be written: the kiosk is out of service. Absent: always true. */
  writable?(): boolean;
  onWritableChange?(listener: (writable: boolean) => void): () => void;
}

/**
 * Turns what the session machines emit (session-facts.ts) into journal records: each gets the
 * session it belongs to, a new one from each visit's start. Only what the journal schema allows:
 * the KPJ's last 4 digits, outcomes and references, never a balance or a name.
 */
export class SessionAuditor {
  private sessionId: string | null = null;

  constructor(private readonly newId: () => string = newSessionId) {}

  entriesFor(facts: readonly SessionFact[]): JournalEntryInput[] {
    const entries: JournalEntryInput[] = [];
    for (const fact of facts) {
      if (fact.type === 'visitStarted') {
        this.sessionId = this.newId();
        entries.push({ type: 'sessionStarted', data: { sessionId: this.sessionId } });
        continue;
      }
      if (fact.type === 'hostError') {
        entries.push(fact);
        continue;
      }
      const sessionId = this.sessionId;
      if (!sessionId) continue;
      if (fact.type === 'visitEnded') {
        entries.push({ type: 'sessionEnded', data: { sessionId, reason: fact.reason } });
        this.sessionId = null;
        continue;
      }
      entries.push({ type: fact.type, data: { ...fact.data, sessionId } } as JournalEntryInput);
    }
    return entries;
  }
}
