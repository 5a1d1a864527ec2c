import { readJournalLines, listJournalFiles, listTornFiles } from './journal-files';
import { GENESIS_HASH, hashRecord, parseJournalRecord } from './journal-record';

export type JournalProblemKind =
  | 'hashMismatch'
  | 'chainBroken'
  | 'seqGap'
  | 'seqReordered'
  | 'tornRecord'
  | 'invalidRecord'
  | 'missingFile';

export interface JournalProblem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  seq?: number;
  kind: JournalProblemKind;
  detail: string;
}

export interface JournalVerification {
  ok: boolean;
  records: number;
  files: number;
  problems: JournalProblem[];
  /** Seq and hash of the last record: write them down elsewhere to anchor the chain. */
  lastSeq: number;
  headHash: string;
  /** Files holding torn records the writer set aside (each announced by a journalWarning). */
  setAside: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/**
 * Walks every journal file in day order and checks each line: valid record, its own hash, the
 * link to the record before, and seq continuity. Problems name the file, line and seq.
 */
export interface VerifyOptions {
  /**
   * A seq and hash written down elsewhere earlier (host, printed report): the journal must
   * still hold that record unchanged. This is what catches records cut off the end.
   */
  anchor?: { seq: number; hash: string };
}

export async function verifyJournal(
  dir: string,
  options: VerifyOptions = {},
): Promise<JournalVerification> {
  const files = await listJournalFiles(dir);
  const problems: JournalProblem[] = [];
  const seen = new Set<number>();
  let records = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let lastDay: string | undefined;
  let lastPlace = { file: files.at(-1)?.name ?? '(none)', line: 0 };

  for (const [fileIndex, file] of files.entries()) {
    const isLastFile = fileIndex === files.length - 1;
    let firstInFile = true;
    let lines = 0;
    for await (const { lineNo, text, terminated, isFinalLine } of withFinal(
      readJournalLines(file.path),
    )) {
      const at = { file: file.name, line: lineNo };
      lines = lineNo;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      const parsed = raw === undefined ? undefined : parseJournalRecord(raw);
      // No newline: the write never completed, so its append was never acknowledged.
      const looksTorn = !terminated || (isFinalLine && isLastFile && parsed === undefined);
      if (looksTorn) {
        problems.push({
          ...at,
          kind: 'tornRecord',
          detail: terminated
            ? 'last line is not valid JSON: a record torn mid-write'
            : `last line has no newline (${text.length} characters): a record torn mid-write`,
        });
        continue;
      }
      if (!parsed || !parsed.ok) {
        problems.push({
          ...at,
          seq: seqOf(raw),
          kind: 'invalidRecord',
          detail: parsed ? `not a valid record: ${parsed.reason}` : 'not valid JSON',
        });
        // Keep following the chain through a damaged line when its bookkeeping is readable.
        const seq = seqOf(raw);
        const hash = (raw as { hash?: unknown } | undefined)?.hash;
        if (seq !== undefined && typeof hash === 'string') {
          seen.add(seq);
          lastSeq = Math.max(lastSeq, seq);
          lastHash = hash;
        }
        continue;
      }
      const record = parsed.record;
      records += 1;
      const problem = (kind: JournalProblemKind, detail: string) =>
        problems.push({ ...at, seq: record.seq, kind, detail });

      if (hashRecord(raw as object) !== record.hash)
        problem('hashMismatch', 'record content does not match its hash: it was edited');

      const expected = lastSeq + 1;
      const chained = record.prev === lastHash;
      if (record.seq > expected && firstInFile && lastDay && daysBetween(lastDay, file.day) > 1) {
        problem(
          'missingFile',
          `seq ${expected}..${record.seq - 1} missing between ${lastDay} and ${file.day}: a journal file may have been removed`,
        );
      } else if (record.seq > expected && records === 1) {
        problem(
          'missingFile',
          `journal starts at seq ${record.seq}, not 1: earlier records or files were removed`,
        );
      } else {
        if (!chained)
          problem(
            'chainBroken',
            record.seq === 1 && records === 1
              ? 'first record does not start from the genesis value'
              : `prev does not match the hash of the record before (seq ${lastSeq})`,
          );
        if (record.seq > expected)
          problem(
            'seqGap',
            `seq ${expected}${record.seq - 1 > expected ? `..${record.seq - 1}` : ''} missing`,
          );
        else if (record.seq <= lastSeq)
          problem('seqReordered', `seq ${record.seq} comes after seq ${lastSeq}`);
      }
      if (options.anchor?.seq === record.seq && options.anchor.hash !== record.hash)
        problem('hashMismatch', `differs from the anchor recorded for seq ${record.seq}`);
      seen.add(record.seq);
      lastSeq = Math.max(lastSeq, record.seq);
      lastHash = record.hash;
      firstInFile = false;
    }
    lastDay = file.day;
    lastPlace = { file: file.name, line: lines };
  }

  if (options.anchor && lastSeq < options.anchor.seq)
    problems.push({
      file: lastPlace.file,
      line: lastPlace.line + 1,
      seq: options.anchor.seq,
      kind: 'seqGap',
      detail: `journal ends at seq ${lastSeq} but the anchor says seq ${options.anchor.seq} was written: records were removed from the end`,
    });

  relabelGapsFilledLater(problems, seen);
  return {
    ok: problems.length === 0,
    records,
    files: files.length,
    problems,
    lastSeq,
    headHash: lastHash,
    setAside: await listTornFiles(dir),
  };
}

/** Marks the final item of a stream, reading one item ahead. */
async function* withFinal<T>(
  items: AsyncIterable<T>,
): AsyncGenerator<T & { isFinalLine: boolean }> {
  let previous: T | undefined;
  let has = false;
  for await (const item of items) {
    if (has) yield { ...(previous as T), isFinalLine: false };
    previous = item;
    has = true;
  }
  if (has) yield { ...(previous as T), isFinalLine: true };
}

function seqOf(raw: unknown): number | undefined {
  const seq = (raw as { seq?: unknown } | undefined)?.seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
}

/** A "gap" whose seqs turn up further on is a reordering, not a removal. */
function relabelGapsFilledLater(problems: JournalProblem[], seen: Set<number>) {
  for (const problem of problems) {
    if (problem.kind !== 'seqGap' || problem.seq === undefined) continue;
    const range = /^seq (\d+)(?:\.\.(\d+))? missing$/.exec(problem.detail);
    if (!range) continue;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    let allLater = true;
    for (let seq = from; seq <= to && allLater; seq += 1) allLater = seen.has(seq);
    if (allLater) {
      problem.kind = 'seqReordered';
      problem.detail = `seq ${problem.seq} comes before seq ${from}${to > from ? `..${to}` : ''}: records are out of order`;
    }
  }
}
