import { readJournalRecords, verifyJournal } from '../core/journal';

export interface JournalFigures {
  /** Distinct sessions with a sessionStarted record. */
  sessions: number;
  /** Sessions journaled as started with no sessionEnded (a brain killed mid-session leaves one). */
  unended: number;
  /** receiptPrinted records with the outcome `printed`. */
  receiptsPrinted: number;
  kioskStarts: number;
  verified: boolean;
  records: number;
  problems: string[];
}

/** What the journal says happened, and whether its chain verifies (verifyJournal). */
export async function journalFigures(dir: string): Promise<JournalFigures> {
  const started = new Set<string>();
  const ended = new Set<string>();
  let receiptsPrinted = 0;
  let kioskStarts = 0;
  for await (const record of readJournalRecords(dir)) {
    const data = record.data as { sessionId?: string; outcome?: string };
    if (record.type === 'sessionStarted' && data.sessionId) started.add(data.sessionId);
    if (record.type === 'sessionEnded' && data.sessionId) ended.add(data.sessionId);
    if (record.type === 'receiptPrinted' && data.outcome === 'printed') receiptsPrinted += 1;
    if (record.type === 'kioskStarted') kioskStarts += 1;
  }
  const verification = await verifyJournal(dir);
  return {
    sessions: started.size,
    unended: [...started].filter((id) => !ended.has(id)).length,
    receiptsPrinted,
    kioskStarts,
    verified: verification.ok,
    records: verification.records,
    problems: verification.problems.map(
      (problem) => `${problem.file}:${problem.line} ${problem.kind}: ${problem.detail}`,
    ),
  };
}
