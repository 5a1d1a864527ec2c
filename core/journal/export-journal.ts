import { Readable } from 'node:stream';
import { canonicalJson } from './canonical-json';
import {
  DEFAULT_TIME_ZONE,
  dayInTimeZone,
  listJournalFiles,
  readJournalLines,
} from './journal-files';
import { parseJournalRecord, type JournalRecord } from './journal-record';

export interface JournalRangeOptions {
  /** Records at or after this instant. */
  from?: Date | string;
  /** Records before this instant. */
  to?: Date | string;
  /** Zone of the daily files, to skip whole files before `from`; default Asia/Jakarta. */
  timeZone?: string;
  /** Lines that are not valid records are left out of an export; this hears about each. */
  onInvalidLine?: (file: string, line: number) => void;
}

export interface ExportOptions extends JournalRangeOptions {
  format: 'jsonl' | 'csv';
}

const CSV_COLUMNS = ['seq', 'ts', 'terminalId', 'type', 'data', 'prev', 'hash'] as const;

/**
 * Streams the records of a journal as JSON Lines (each line exactly as stored, so hashes can be
 * rechecked) or CSV (data as canonical JSON in one column). Does not verify: run
 * verifyJournal for that.
 */
export function exportJournal(dir: string, options: ExportOptions): Readable {
  return Readable.from(exportLines(dir, options), { objectMode: false });
}

async function* exportLines(dir: string, options: ExportOptions): AsyncGenerator<string> {
  if (options.format === 'csv') yield CSV_COLUMNS.join(',') + '\r\n';
  for await (const { record, text } of readRecordsWithText(dir, options)) {
    if (options.format === 'jsonl') {
      yield text + '\n';
    } else {
      const cells = CSV_COLUMNS.map((column) =>
        column === 'data' ? canonicalJson(record.data) : String(record[column]),
      );
      yield cells.map(csvCell).join(',') + '\r\n';
    }
  }
}

/** The parsed records of a journal in order, optionally within [from, to). */
export async function* readJournalRecords(
  dir: string,
  options: JournalRangeOptions = {},
): AsyncGenerator<JournalRecord> {
  for await (const { record } of readRecordsWithText(dir, options)) yield record;
}

async function* readRecordsWithText(dir: string, options: JournalRangeOptions) {
  const from = options.from === undefined ? undefined : new Date(options.from);
  const to = options.to === undefined ? undefined : new Date(options.to);
  // A file never holds records of a later day than its name, so earlier files can be skipped.
  const firstDay = from ? dayInTimeZone(from, options.timeZone ?? DEFAULT_TIME_ZONE) : undefined;
  for (const file of await listJournalFiles(dir)) {
    if (firstDay && file.day < firstDay) continue;
    for await (const { lineNo, text } of readJournalLines(file.path)) {
      const record = decode(text);
      if (!record) {
        options.onInvalidLine?.(file.name, lineNo);
        continue;
      }
      const instant = Date.parse(record.ts);
      if (from && instant < from.getTime()) continue;
      if (to && instant >= to.getTime()) continue;
      yield { record, text };
    }
  }
}

function decode(text: string): JournalRecord | undefined {
  try {
    const parsed = parseJournalRecord(JSON.parse(text));
    return parsed.ok ? parsed.record : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 4180 quoting; a cell that could start a spreadsheet formula is quoted with a `'`. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
