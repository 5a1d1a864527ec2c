import type { JournalFile } from './journal-files';
import { readJournalLines } from './journal-files';
import { parseJournalRecord } from './journal-record';

/** The session a file leaves open (started, never ended), `null` none, `undefined` no session records. */
async function openSessionIn(file: JournalFile): Promise<string | null | undefined> {
  let open: string | null | undefined;
  for await (const line of readJournalLines(file.path)) {
    let parsed;
    try {
      parsed = parseJournalRecord(JSON.parse(line.text));
    } catch {
      continue; // verifyJournal reports damaged lines; this only needs the session records
    }
    if (!parsed.ok) continue;
    const { record } = parsed;
    if (record.type === 'sessionStarted') open = record.data.sessionId;
    else if (
      record.type === 'sessionEnded' &&
      (open === undefined || open === record.data.sessionId)
    )
      open = null;
  }
  return open;
}

/**
 * The session the journal left open: its last `sessionStarted` with no `sessionEnded` after it,
 * as a crash or power cut mid-session leaves it. Reads the newest file that holds session
 * records (a session can start before midnight and be cut off after).
 */
export async function findOpenSession(files: JournalFile[]): Promise<string | null> {
  for (const file of [...files].reverse()) {
    const open = await openSessionIn(file);
    if (open !== undefined) return open;
  }
  return null;
}
