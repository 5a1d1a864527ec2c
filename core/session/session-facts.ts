import type { JournalEntryInput } from '../journal/journal-entry';

type Data<T extends JournalEntryInput['type']> = Extract<JournalEntryInput, { type: T }>['data'];
type WithoutSession<T extends JournalEntryInput['type']> = {
  type: T;
  data: Omit<Data<T>, 'sessionId'>;
};

/**
 * What a step of the flow tells the journal, emitted by the machine's named actions. The auditor
 * (session-audit.ts) gives each the session it belongs to; only the journal schema's fields.
 */
export type SessionFact =
  | { type: 'visitStarted' }
  | { type: 'visitEnded'; reason: Data<'sessionEnded'>['reason'] }
  | WithoutSession<'identified'>
  | WithoutSession<'verificationResult'>
  | WithoutSession<'balanceDisplayed'>
  | WithoutSession<'cardRetained'>
  | WithoutSession<'receiptPrinted'>
  | { type: 'hostError'; data: Data<'hostError'> };

/** The event the machines emit for each fact. */
export interface JournalEvent {
  type: 'journal';
  fact: SessionFact;
}

export const journal = (fact: SessionFact): JournalEvent => ({ type: 'journal', fact });
