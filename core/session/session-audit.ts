import type { JournalEntryInput } from '../journal/journal-entry';
import { kpjLast4 } from '../common/domain/mask';
import type { SessionContext } from './session-machine';
import type { SessionEvent } from './session-events';
import { newSessionId } from './session-id';

/** Where the session flow's audit records go (the journal). Resolves once the record is durable. */
export interface AuditSink {
  record(entry: JournalEntryInput): Promise<void>;
  /** False while records cannot be written: the kiosk is out of service. Absent: always true. */
  writable?(): boolean;
  onWritableChange?(listener: (writable: boolean) => void): () => void;
}

const SESSION_STATES = new Set(['attract', 'thankYou']);

/**
 * Turns one step of the session flow into the audit records it implies. Only what the journal
 * schema allows: the KPJ's last 4 digits, outcomes and references, never a balance or a name.
 */
export class SessionAuditor {
  private sessionId: string | null = null;
  private balanceShown = false;
  /** The reference of the receipt being printed: leaving by cancel clears it from the context. */
  private printingReference: string | null = null;

  constructor(private readonly newId: () => string = newSessionId) {}

  entriesFor(
    from: string,
    to: string,
    context: SessionContext,
    event: SessionEvent,
  ): JournalEntryInput[] {
    const entries: JournalEntryInput[] = [];
    if (SESSION_STATES.has(from) && !SESSION_STATES.has(to)) {
      this.sessionId = this.newId();
      this.balanceShown = false;
      entries.push({ type: 'sessionStarted', data: { sessionId: this.sessionId } });
    }
    const sessionId = this.sessionId;
    if (!sessionId) return entries;

    if (to === 'lookingUp' && context.kpj && context.method) {
      entries.push({
        type: 'identified',
        data: { sessionId, method: context.method, kpjLast4: kpjLast4(context.kpj) },
      });
    }
    if ((from === 'verifying' || from === 'verifyingOtp') && to === 'balance') {
      entries.push({ type: 'verificationResult', data: { sessionId, result: 'success' } });
    }
    // checkingAttempts is transient: a failed attempt shows as verifying -> enterBirthDate.
    if (
      (from === 'verifying' && (to === 'checkingAttempts' || to === 'enterBirthDate')) ||
      (from === 'verifyingOtp' && to === 'enterOtp')
    ) {
      entries.push({
        type: 'verificationResult',
        data: { sessionId, result: 'failed', attemptsLeft: context.error?.attemptsLeft ?? 0 },
      });
    }
    if (to === 'locked') {
      entries.push({ type: 'verificationResult', data: { sessionId, result: 'locked' } });
    }
    if (to === 'error' && context.error) {
      entries.push({ type: 'hostError', data: { kind: context.error.code } });
    }
    if (to === 'balance' && !this.balanceShown) {
      this.balanceShown = true;
      entries.push({ type: 'balanceDisplayed', data: { sessionId, shown: true } });
    }
    if (to === 'printing') this.printingReference = context.receiptReference;
    const reference = this.printingReference;
    if (from === 'printing' && reference) {
      // Cancel or time-out while printing: the receipt may still come out, so it is journaled.
      const outcome =
        to === 'takeReceipt'
          ? 'printed'
          : to === 'printFailed'
            ? (context.printProblem ?? 'hardwareError')
            : 'canceled';
      entries.push({ type: 'receiptPrinted', data: { sessionId, reference, outcome } });
      this.printingReference = null;
    }
    if (!SESSION_STATES.has(from) && SESSION_STATES.has(to)) {
      entries.push({ type: 'sessionEnded', data: { sessionId, reason: endReason(from, event) } });
      this.sessionId = null;
    }
    return entries;
  }
}

function endReason(from: string, event: SessionEvent) {
  if (event.type === 'timeout') return 'timeout' as const;
  if (event.type === 'auditFailed') return 'error' as const;
  if (from === 'locked') return 'locked' as const;
  if (from === 'error') return 'error' as const;
  if (event.type === 'cancel') return 'canceled' as const;
  return 'finished' as const;
}
