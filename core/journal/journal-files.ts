import { createReadStream } from 'node:fs';
import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_TIME_ZONE } from '../common/domain/format';

export { DEFAULT_TIME_ZONE };

const FILE_NAME = /^journal-(\d{4}-\d{2}-\d{2})\.jsonl$/;
export const TORN_SUFFIX = '.torn';

/** The journal is readable by the kiosk's own user only: it says who used the kiosk when. */
export const JOURNAL_DIR_MODE = 0o700;
export const JOURNAL_FILE_MODE = 0o600;

export function journalFileName(day: string): string {
  return `journal-${day}.jsonl`;
}

/** `YYYY-MM-DD` of the file name, or undefined for any other file. */
export function dayOfFileName(name: string): string | undefined {
  return FILE_NAME.exec(name)?.[1];
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayInTimeZone(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface JournalFile {
  name: string;
  path: string;
  day: string;
}

/** Journal files of a directory, oldest day first (an absent directory has none). */
export async function listJournalFiles(dir: string): Promise<JournalFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const day = dayOfFileName(name);
      return day ? [{ name, path: join(dir, name), day }] : [];
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Files where torn records were set aside (`journal-YYYY-MM-DD.jsonl.torn`). */
export async function listTornFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((name) => name.endsWith(TORN_SUFFIX) && dayOfFileName(name.slice(0, -5)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Gives the folder, its day files and torn files the owner-only modes, also when an older
 * version (or a copy) left them readable by everyone.
 */
export async function restrictJournalModes(dir: string): Promise<void> {
  await chmod(dir, JOURNAL_DIR_MODE);
  const files = [
    ...(await listJournalFiles(dir)).map((f) => f.name),
    ...(await listTornFiles(dir)),
  ];
  for (const name of files) await chmod(join(dir, name), JOURNAL_FILE_MODE);
}

/** Bytes of all journal files and set-aside torn files. */
export async function journalBytes(dir: string): Promise<{ files: number; bytes: number }> {
  const files = await listJournalFiles(dir);
  const torn = await listTornFiles(dir);
  let bytes = 0;
  for (const path of [...files.map((f) => f.path), ...torn.map((name) => join(dir, name))])
    bytes += (await stat(path)).size;
  return { files: files.length, bytes };
}

export interface JournalLine {
  /** 1-based line number in the file. */
  lineNo: number;
  text: string;
  /** False for a final segment with no newline: a record torn mid-write. */
  terminated: boolean;
}

/** Streams the lines of a file, telling a terminated line from a final unterminated one. */
export async function* readJournalLines(path: string): AsyncGenerator<JournalLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  for await (const chunk of createReadStream(path)) {
    pending += decoder.write(chunk as Buffer);
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield { lineNo: ++lineNo, text: pending.slice(start, newline), terminated: true };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) yield { lineNo: lineNo + 1, text: pending, terminated: false };
}
