import { appendFile, open, stat } from 'node:fs/promises';
import type { JournalFile } from './journal-files';
import { JOURNAL_FILE_MODE, TORN_SUFFIX } from './journal-files';
import { parseJournalRecord, type JournalRecord } from './journal-record';

export class JournalCorruptError extends Error {
  override name = 'JournalCorruptError';
}

export interface TornRecord {
  file: string;
  /** Where the torn bytes were moved to. */
  movedTo: string;
  bytes: number;
  /** The seq written in the torn bytes, when it can still be read. */
  seqInTornBytes?: number;
}

export interface TailState {
  last?: { record: JournalRecord; file: JournalFile };
  torn: TornRecord[];
}

const NEWLINE = 0x0a;

function decodeRecord(bytes: Buffer): JournalRecord | undefined {
  try {
    const parsed = parseJournalRecord(JSON.parse(bytes.toString('utf8')));
    return parsed.ok ? parsed.record : undefined;
  } catch {
    return undefined;
  }
}

type TailAnalysis =
  | { kind: 'needMore' }
  | { kind: 'done'; record?: JournalRecord; goodEnd: number; tornFrom?: number };

/**
 * Looks at the end of a file: a final segment without a newline, or a last line that is not a
 * valid record, is torn (at most one line: more than that is not a power cut, it is damage).
 * Offsets are relative to `buf`; `wholeFile` says whether `buf` starts at byte 0.
 */
function analyseTail(buf: Buffer, wholeFile: boolean, fileName: string): TailAnalysis {
  let tornFrom: number | undefined;
  let goodEnd = buf.length;
  const lastNewline = buf.lastIndexOf(NEWLINE);
  if (lastNewline !== buf.length - 1) {
    tornFrom = lastNewline + 1;
    goodEnd = lastNewline + 1;
  }
  for (;;) {
    if (goodEnd === 0)
      return wholeFile ? { kind: 'done', goodEnd, tornFrom } : { kind: 'needMore' };
    const lineStart = goodEnd >= 2 ? buf.lastIndexOf(NEWLINE, goodEnd - 2) + 1 : 0;
    if (lineStart === 0 && !wholeFile) return { kind: 'needMore' };
    const record = decodeRecord(buf.subarray(lineStart, goodEnd - 1));
    if (record) return { kind: 'done', record, goodEnd, tornFrom };
    if (tornFrom !== undefined)
      throw new JournalCorruptError(
        `${fileName}: more than the last record is damaged; run the journal verification`,
      );
    tornFrom = lineStart;
    goodEnd = lineStart;
  }
}

/** Reads the end of a file, growing the window until a whole last line is in view. */
async function readTailOf(path: string, fileName: string) {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  try {
    for (let window = 64 * 1024; ; window *= 2) {
      const start = Math.max(0, size - window);
      const buf = Buffer.alloc(size - start);
      await handle.read(buf, 0, buf.length, start);
      const analysis = analyseTail(buf, start === 0, fileName);
      if (analysis.kind === 'done') return { ...analysis, start, size, buf };
    }
  } finally {
    await handle.close();
  }
}

/** Appends the torn bytes to `<file>.torn` (fsync'ed), then cuts them off the journal file. */
async function setAside(file: JournalFile, buf: Buffer, start: number, tornFrom: number) {
  const torn = buf.subarray(tornFrom);
  const movedTo = file.path + TORN_SUFFIX;
  await appendFile(movedTo, torn, { mode: JOURNAL_FILE_MODE });
  const tornHandle = await open(movedTo, 'r+');
  try {
    await tornHandle.sync();
  } finally {
    await tornHandle.close();
  }
  const handle = await open(file.path, 'r+');
  try {
    await handle.truncate(start + tornFrom);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const seqMatch = /"seq":(\d{1,10})[,}]/.exec(torn.toString('utf8'));
  return {
    file: file.name,
    movedTo: file.name + TORN_SUFFIX,
    bytes: torn.length,
    seqInTornBytes: seqMatch ? Number(seqMatch[1]) : undefined,
  } satisfies TornRecord;
}

/**
 * Finds the last good record, newest file first, setting aside a torn last record on the way.
 * Files left empty by that are skipped; the chain continues from the newest good record.
 */
export async function repairTail(files: JournalFile[]): Promise<TailState> {
  const torn: TornRecord[] = [];
  for (const file of [...files].reverse()) {
    const tail = await readTailOf(file.path, file.name);
    if (tail.tornFrom !== undefined)
      torn.push(await setAside(file, tail.buf, tail.start, tail.tornFrom));
    if (tail.record) return { last: { record: tail.record, file }, torn };
  }
  return { torn };
}
