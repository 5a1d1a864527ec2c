import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';
import { JournalEntry, type JournalEntryInput } from './journal-entry';
import {
  DEFAULT_TIME_ZONE,
  JOURNAL_DIR_MODE,
  JOURNAL_FILE_MODE,
  dayInTimeZone,
  journalBytes,
  journalFileName,
  listJournalFiles,
  restrictJournalModes,
} from './journal-files';
import {
  GENESIS_HASH,
  JournalRecordHeader,
  describeIssues,
  hashRecord,
  type JournalRecord,
} from './journal-record';
import { acquireJournalLock } from './journal-lock';
import { repairTail, type TornRecord } from './journal-tail-repair';
import { findOpenSession } from './journal-open-session';

export const DEFAULT_CAP_BYTES = 512 * 1024 * 1024;
export const NEAR_CAP_RATIO = 0.9;

export interface JournalWriterOptions {
  dir: string;
  terminalId: string;
  /** Days of the daily files are counted in this zone; default Asia/Jakarta. */
  timeZone?: string;
  /** Total size of the journal that should not be passed; default 512 MB. */
  capBytes?: number;
  /** Injectable clock (tests, simulations). */
  now?: () => Date;
  /** Told about near-cap, over-cap and torn records as they happen (e.g. a pino logger). */
  logger?: { warn(msg: string): void; error(msg: string): void };
}

export interface JournalStatus {
  files: number;
  totalBytes: number;
  capBytes: number;
  /** At or past 90% of the cap. */
  nearCap: boolean;
  /** At or past the cap: records are still written, someone must archive the journal. */
  overCap: boolean;
  lastSeq: number;
  headHash: string;
  currentFile?: string;
  /** Torn records set aside when this writer opened. */
  tornOnOpen: TornRecord[];
}

export class JournalEntryRefused extends Error {
  override name = 'JournalEntryRefused';
  constructor(
    message: string,
    /** Paths of the refused fields (`data.sessionId`), never their values. */
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

export interface JournalWriter {
  /** Resolves with the written record once its line is on disk (written and fsync'ed). */
  append(entry: JournalEntryInput): Promise<JournalRecord>;
  status(): JournalStatus;
  /** Waits for pending appends, then closes the file. */
  close(): Promise<void>;
}

/**
 * Opens (or creates) the journal in `dir` and continues its chain: seq and prev come from the
 * last good record; a torn last record is set aside and a journalWarning says so.
 * One writer per directory (held by `journal.lock`): a second open throws JournalLockedError.
 */
export async function openJournal(options: JournalWriterOptions): Promise<JournalWriter> {
  const terminalId = JournalRecordHeader.shape.terminalId.safeParse(options.terminalId);
  if (!terminalId.success)
    throw new JournalEntryRefused(`terminal ID refused: ${describeIssues(terminalId.error)}`);
  await mkdir(options.dir, { recursive: true, mode: JOURNAL_DIR_MODE });
  const release = await acquireJournalLock(options.dir);
  let writer: FileJournalWriter;
  let openSession: string | null;
  try {
    const tail = await repairTail(await listJournalFiles(options.dir));
    await restrictJournalModes(options.dir);
    const size = await journalBytes(options.dir);
    writer = new FileJournalWriter(options, tail.last?.record, tail.last?.file.day, size, release);
    writer.tornOnOpen = tail.torn;
    openSession = await findOpenSession(await listJournalFiles(options.dir));
  } catch (error) {
    await release();
    throw error;
  }
  const lastGoodSeq = writer.status().lastSeq;
  try {
    for (const torn of writer.tornOnOpen) {
      const message =
        `torn record at the end of ${torn.file} at seq position ${lastGoodSeq + 1}` +
        (torn.seqInTornBytes !== undefined ? ` (its bytes say seq ${torn.seqInTornBytes})` : '') +
        ` moved to ${torn.movedTo}; chain continues from seq ${lastGoodSeq}`;
      options.logger?.warn(`journal: ${message}`);
      await writer.append({ type: 'journalWarning', data: { message } });
    }
    if (openSession) {
      options.logger?.warn(`journal: session ${openSession} had no end: journaled as interrupted`);
      await writer.append({
        type: 'sessionEnded',
        data: { sessionId: openSession, reason: 'interrupted' },
      });
    }
  } catch (error) {
    await writer.close();
    throw error;
  }
  return writer;
}

class FileJournalWriter implements JournalWriter {
  tornOnOpen: TornRecord[] = [];
  private readonly timeZone: string;
  private readonly capBytes: number;
  private readonly now: () => Date;
  private lastSeq: number;
  private lastHash: string;
  private currentDay: string | undefined;
  private handle: FileHandle | undefined;
  private fileBytes = 0;
  private files: number;
  private totalBytes: number;
  private warnedNearCap = false;
  private warnedOverCap = false;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly options: JournalWriterOptions,
    last: JournalRecord | undefined,
    lastDay: string | undefined,
    size: { files: number; bytes: number },
    private readonly releaseLock: () => Promise<void>,
  ) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.capBytes = options.capBytes ?? DEFAULT_CAP_BYTES;
    this.now = options.now ?? (() => new Date());
    this.lastSeq = last?.seq ?? 0;
    this.lastHash = last?.hash ?? GENESIS_HASH;
    this.currentDay = lastDay;
    this.files = size.files;
    this.totalBytes = size.bytes;
  }

  append(input: JournalEntryInput): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('journal writer is closed'));
    const parsed = JournalEntry.safeParse(input);
    if (!parsed.success)
      return Promise.reject(
        new JournalEntryRefused(
          `journal entry refused: ${describeIssues(parsed.error)}`,
          parsed.error.issues.map((issue) => issue.path.join('.') || '(record)'),
        ),
      );
    return this.enqueue(async () => {
      const record = await this.write(parsed.data);
      // The record is on disk: a failing warning must not make the caller think otherwise.
      await this.warnAboutSize().catch((error: Error) =>
        this.options.logger?.error(`journal: size warning not written: ${error.message}`),
      );
      return record;
    });
  }

  status(): JournalStatus {
    return {
      files: this.files,
      totalBytes: this.totalBytes,
      capBytes: this.capBytes,
      nearCap: this.totalBytes >= this.capBytes * NEAR_CAP_RATIO,
      overCap: this.totalBytes >= this.capBytes,
      lastSeq: this.lastSeq,
      headHash: this.lastHash,
      currentFile: this.currentDay ? journalFileName(this.currentDay) : undefined,
      tornOnOpen: this.tornOnOpen,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle?.close();
    this.handle = undefined;
    await this.releaseLock();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async write(entry: JournalEntry): Promise<JournalRecord> {
    if (this.failure)
      throw new Error(`journal writer failed earlier, reopen it: ${this.failure.message}`);
    const instant = this.now();
    // Never go back to an earlier file when the clock steps back: files stay in seq order.
    const day = maxDay(dayInTimeZone(instant, this.timeZone), this.currentDay);
    const handle = await this.fileFor(day);
    const body = {
      seq: this.lastSeq + 1,
      ts: instant.toISOString(),
      terminalId: this.options.terminalId,
      type: entry.type,
      data: entry.data,
      prev: this.lastHash,
    };
    const record = { ...body, hash: hashRecord(body) } as JournalRecord;
    const line = Buffer.from(canonicalJson(record) + '\n', 'utf8');
    try {
      await handle.appendFile(line);
      await handle.datasync();
    } catch (error) {
      await this.undoPartialWrite(handle, error as Error);
      throw error;
    }
    this.lastSeq = record.seq;
    this.lastHash = record.hash;
    this.fileBytes += line.length;
    this.totalBytes += line.length;
    return record;
  }

  /** A failed write may have left half a line: cut it off, or stop writing altogether. */
  private async undoPartialWrite(handle: FileHandle, cause: Error) {
    try {
      await handle.truncate(this.fileBytes);
      await handle.datasync();
    } catch {
      this.failure = cause;
      this.options.logger?.error(`journal: write failed and could not be undone: ${cause.message}`);
    }
  }

  private async fileFor(day: string): Promise<FileHandle> {
    if (this.handle && day === this.currentDay) return this.handle;
    await this.handle?.close();
    this.handle = undefined;
    const path = join(this.options.dir, journalFileName(day));
    const isNew = !(await exists(path));
    const handle = await open(path, 'a', JOURNAL_FILE_MODE);
    if (isNew) {
      this.files += 1;
      await syncDirectory(this.options.dir);
    }
    const size = (await handle.stat()).size;
    this.handle = handle;
    this.currentDay = day;
    this.fileBytes = size;
    return handle;
  }

  private async warnAboutSize() {
    const { nearCap, overCap, totalBytes, capBytes } = this.status();
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    if (nearCap && !this.warnedNearCap) {
      this.warnedNearCap = true;
      const message = `journal at ${mb(totalBytes)} of its ${mb(capBytes)} cap: archive it soon`;
      this.options.logger?.warn(message);
      await this.write({ type: 'journalWarning', data: { message } });
    }
    if (overCap && !this.warnedOverCap) {
      this.warnedOverCap = true;
      const message = `journal over its ${mb(capBytes)} cap (${mb(totalBytes)}): still writing, archive it now`;
      this.options.logger?.error(message);
      await this.write({ type: 'journalWarning', data: { message } });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function maxDay(day: string, current: string | undefined): string {
  return current !== undefined && current > day ? current : day;
}

/** Makes a newly created file's directory entry durable (POSIX; a no-op where unsupported). */
async function syncDirectory(dir: string) {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for sync; the file's own fsync still holds its data.
  } finally {
    await handle?.close();
  }
}
