import { listJournalFiles, readJournalLines } from './journal-files';
import type { HeldHead } from './shipped-chain';

/** A journal line as it is shipped: verbatim, with what the shipper needs to know of it. */
export interface UnshippedLine {
  seq: number;
  hash: string;
  text: string;
  /** The day file that holds it. */
  file: string;
}

/**
 * The local journal and the host's disagree: the host holds a record the journal does not have
 * (a journal reset, cut short or rewritten), or the journal is damaged where shipping must read
 * it. Retrying cannot help; a technician must look (`kiosk-diag journal verify --anchor host`).
 */
export class JournalShippingBlocked extends Error {
  override name = 'JournalShippingBlocked';
}

export interface UnshippedOptions {
  /** Stop after this seq: the last record whose append resolved (written and fsync'ed). */
  upToSeq: number;
  /** A day file known to hold the record at `held.seq` or an earlier one: start reading there. */
  fromFile?: string | null;
  /** Told the day file that holds the host's record, once it is found. */
  onHeld?: (file: string) => void;
}

/**
 * The journal's lines after the record the host holds, in order, up to `upToSeq`. Checks on
 * the way that the journal holds the host's record unchanged and that every later line links
 * to the one before, so shipping never skips, repeats or reorders a record.
 */
export async function* unshippedLines(
  dir: string,
  held: HeldHead,
  options: UnshippedOptions,
): AsyncGenerator<UnshippedLine> {
  const files = await listJournalFiles(dir);
  const start = Math.max(
    0,
    files.findIndex((file) => file.name === options.fromFile),
  );
  let previous: HeldHead | null = held.seq === 0 ? held : null;
  for (const file of files.slice(start)) {
    for await (const { text, terminated, lineNo } of readJournalLines(file.path)) {
      if (!terminated) return; // a record being written now: its append has not resolved
      const record = bookkeepingOf(text);
      if (!record)
        throw new JournalShippingBlocked(
          `${file.name} line ${lineNo} is not a journal record: run kiosk-diag journal verify`,
        );
      if (record.seq < held.seq) continue;
      if (record.seq === held.seq) {
        if (record.hash !== held.hash)
          throw new JournalShippingBlocked(
            `the host holds another record for seq ${held.seq} than this journal`,
          );
        previous = held;
        options.onHeld?.(file.name);
        continue;
      }
      if (!previous)
        throw new JournalShippingBlocked(`the host holds seq ${held.seq}; this journal lacks it`);
      if (record.seq > options.upToSeq) return;
      if (record.seq !== previous.seq + 1 || record.prev !== previous.hash)
        throw new JournalShippingBlocked(
          `${file.name} line ${lineNo}: seq ${record.seq} does not follow seq ${previous.seq}: run kiosk-diag journal verify`,
        );
      previous = record;
      yield { seq: record.seq, hash: record.hash, text, file: file.name };
    }
  }
  if (!previous)
    throw new JournalShippingBlocked(`the host holds seq ${held.seq}; this journal ends before it`);
}

/** Seq, hash and prev of a line; the host checks the rest of the record. */
function bookkeepingOf(text: string): { seq: number; hash: string; prev: string } | null {
  try {
    const { seq, hash, prev } = JSON.parse(text) as Record<string, unknown>;
    return Number.isInteger(seq) && typeof hash === 'string' && typeof prev === 'string'
      ? { seq: seq as number, hash, prev }
      : null;
  } catch {
    return null;
  }
}
