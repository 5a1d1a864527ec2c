import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, hashRecord, parseJournalRecord } from './journal-record';

/** Seq and hash of the last record a receiver holds (seq 0 and the genesis hash: none). */
export interface HeldHead {
  seq: number;
  hash: string;
}

export const NOTHING_HELD: HeldHead = { seq: 0, hash: GENESIS_HASH };

export type ShippedCheck =
  | {
      ok: true;
      /** The lines after the held head, to store in this order. */
      fresh: string[];
      /** What the receiver holds once `fresh` is stored. */
      head: HeldHead;
    }
  /**
   * 422: the batch is no valid chain on its own (damaged, edited or foreign records);
   * 409: it is valid but does not follow on from what the receiver holds.
   */
  | { ok: false; status: 409 | 422; reason: string };

/**
 * What a receiver of shipped journal lines (the host) checks before it stores any, with the
 * journal's own rules (docs/journal.md): every line a valid record of this terminal, stored
 * verbatim (its canonical JSON), matching its own hash, each linked to the one before, and the
 * first new one right after the held head. Lines the receiver already holds may come again
 * (a reply lost on the way): they must be exactly the held ones and are not stored twice.
 * Reasons name seqs and rules, never record content.
 */
export function checkShippedLines(
  held: HeldHead,
  heldLine: (seq: number) => string | undefined,
  lines: readonly string[],
  terminalId: string,
): ShippedCheck {
  const refuse = (status: 409 | 422, reason: string): ShippedCheck => ({
    ok: false,
    status,
    reason,
  });
  const records: Array<{ seq: number; hash: string; prev: string }> = [];
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return refuse(422, `${where}: not JSON`);
    }
    const parsed = parseJournalRecord(raw);
    if (!parsed.ok) return refuse(422, `${where}: not a valid journal record`);
    const record = parsed.record;
    if (canonicalJson(raw) !== line)
      return refuse(422, `seq ${record.seq}: not the stored line (canonical JSON)`);
    if (hashRecord(raw as object) !== record.hash)
      return refuse(422, `seq ${record.seq}: content does not match its hash`);
    if (record.terminalId !== terminalId)
      return refuse(422, `seq ${record.seq}: a record of another terminal`);
    const before = records.at(-1);
    if (before && (record.seq !== before.seq + 1 || record.prev !== before.hash))
      return refuse(422, `seq ${record.seq}: does not follow seq ${before.seq} (chain broken)`);
    records.push({ seq: record.seq, hash: record.hash, prev: record.prev });
  }
  const first = records[0];
  if (!first) return refuse(422, 'no lines');
  if (first.seq > held.seq + 1)
    return refuse(409, `starts at seq ${first.seq}, the host holds up to seq ${held.seq}`);
  for (const [index, record] of records.entries()) {
    if (record.seq > held.seq) {
      if (record.seq === held.seq + 1 && record.prev !== held.hash)
        return refuse(409, `seq ${record.seq}: prev is not the hash of seq ${held.seq} held`);
      const fresh = lines.slice(index);
      const last = records.at(-1)!;
      return { ok: true, fresh, head: { seq: last.seq, hash: last.hash } };
    }
    if (heldLine(record.seq) !== lines[index])
      return refuse(409, `seq ${record.seq}: the host holds another record for this seq`);
  }
  return { ok: true, fresh: [], head: held };
}
