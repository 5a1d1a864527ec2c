import { listJournalFiles, readJournalLines } from './journal-files';
import { readShippingCursor, type ShippingCursor } from './shipping-cursor';

export interface JournalShippingStatus {
  /** What the kiosk last wrote down about shipping; null when it never shipped (or wrote none). */
  cursor: ShippingCursor | null;
  /** Why a cursor file present was not read. */
  cursorProblem?: string;
  /** The journal's last complete record, null when it holds none. */
  localHead: { seq: number; hash: string; file: string } | null;
  /** Records after the shipped seq: still only on this kiosk. */
  waiting: { records: number; bytes: number; files: string[] };
}

/**
 * What is shipped and what waits, from the journal folder alone (the kiosk may be stopped and
 * the host unreachable): the cursor the kiosk keeps, and the records after its seq.
 */
export async function journalShippingStatus(dir: string): Promise<JournalShippingStatus> {
  const read = await readShippingCursor(dir);
  const cursor = read.found ? read.cursor : null;
  const shippedSeq = cursor?.shipped.seq ?? 0;
  const files = await listJournalFiles(dir);
  // Records after the shipped one are in its file or later ones.
  const start = Math.max(
    0,
    files.findIndex((file) => file.name === cursor?.shipped.file),
  );
  let localHead: JournalShippingStatus['localHead'] = null;
  const waiting = { records: 0, bytes: 0, files: [] as string[] };
  for (const file of files.slice(start)) {
    for await (const { text, terminated } of readJournalLines(file.path)) {
      if (!terminated) continue;
      const record = seqAndHash(text);
      if (!record) continue;
      localHead = { ...record, file: file.name };
      if (record.seq <= shippedSeq) continue;
      waiting.records += 1;
      waiting.bytes += Buffer.byteLength(text, 'utf8') + 1;
      if (waiting.files.at(-1) !== file.name) waiting.files.push(file.name);
    }
  }
  return {
    cursor,
    ...(read.found || !read.problem ? {} : { cursorProblem: read.problem }),
    localHead,
    waiting,
  };
}

function seqAndHash(text: string): { seq: number; hash: string } | null {
  try {
    const { seq, hash } = JSON.parse(text) as Record<string, unknown>;
    return Number.isInteger(seq) && typeof hash === 'string' ? { seq: seq as number, hash } : null;
  } catch {
    return null;
  }
}
