import type { Logger } from '../log/logger';
import type { JournalHead } from './journal-anchoring';
import { JOURNAL_RECORD_TYPES, type JournalEntryInput } from './journal-entry';
import { causeOf, JournalHealth } from './journal-health';
import {
  JournalEntryRefused,
  openJournal,
  type JournalStatus,
  type JournalWriter,
  type JournalWriterOptions,
} from './journal-writer';

/** How often an unwritable journal is tried again. */
export const DEFAULT_PROBE_INTERVAL_MS = 10_000;

export class JournalUnavailableError extends Error {
  override name = 'JournalUnavailableError';
}

export interface LazyJournalSinkOptions extends JournalWriterOptions {
  /** How often to try an unwritable journal again; default 10 s. */
  probeIntervalMs?: number;
}

/**
 * The journal as the session flow's audit sink. Opens the journal on first use so the kiosk can
 * be composed synchronously. A journal that cannot be opened or written puts the kiosk out of
 * service (`writable()` false, listeners told, an error logged); every record attempt then fails
 * at once, and a probe reopens the journal every `probeIntervalMs` until a record can be written
 * again, which brings the kiosk back by itself.
 */
export class LazyJournalSink {
  private writer: Promise<JournalWriter> | null = null;
  private opened: JournalWriter | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly health = new JournalHealth();
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private closing = false;
  private readonly now: () => Date;

  constructor(
    private readonly options: LazyJournalSinkOptions,
    private readonly logger: Logger,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  record(entry: JournalEntryInput): Promise<void> {
    if (this.closing) return Promise.reject(new JournalUnavailableError('journal is closed'));
    const outage = this.health.currentOutage();
    if (outage)
      return Promise.reject(
        new JournalUnavailableError(`journal cannot be written since ${outage.since}`),
      );
    const fail = (error: unknown): never => {
      this.failed(error);
      throw error;
    };
    return this.open().then(
      (writer) =>
        writer.append(entry).then(
          () => this.tellWritten(),
          (error: unknown) => {
            // A refused record is a bug in its caller, not a journal that cannot be written.
            if (error instanceof JournalEntryRefused) {
              void this.refused(entry, error);
              throw error;
            }
            return fail(error);
          },
        ),
      fail,
    );
  }

  /** False while records cannot be written: the kiosk serves nobody then. */
  writable(): boolean {
    return this.health.writable();
  }

  onWritableChange(listener: (writable: boolean) => void): () => void {
    return this.health.onChange(listener);
  }

  /** What technicians see (kiosk-diag kiosk status, the technician screen). */
  healthInfo() {
    return this.health.info();
  }

  /** Calls `listener` after each record is on disk; returns the unsubscribe. */
  onWritten(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Seq and hash of the last record; null before the journal is open or while it is empty. */
  head(): JournalHead | null {
    const status = this.opened?.status();
    if (!status || status.lastSeq === 0) return null;
    return { seq: status.lastSeq, hash: status.headHash };
  }

  /** The open journal's files, bytes and head (the metrics); null before it is open. */
  status(): JournalStatus | null {
    return this.opened?.status() ?? null;
  }

  open(): Promise<JournalWriter> {
    if (!this.writer) {
      this.writer = openJournal(this.options);
      this.writer.then(
        (writer) => (this.opened = writer),
        () => undefined, // reported by failed(), through the record that needed it
      );
    }
    return this.writer;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
    await this.closeWriter();
  }

  private tellWritten() {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        // A listener (journal anchoring) never fails a record that is already on disk.
        this.logger.error({ err: (error as Error).message }, 'journal listener failed');
      }
    }
  }

  /**
   * A refused record is an alarm: an error log, the refusal counted for kiosk status, and a
   * record that names only the refused record's type and field paths, never their values.
   */
  private async refused(entry: JournalEntryInput, error: JournalEntryRefused) {
    const recordType = JOURNAL_RECORD_TYPES.includes(entry.type) ? entry.type : 'unknown';
    const fields = [...new Set(error.fields)].slice(0, 10);
    this.health.noteRefused(recordType, fields, this.now());
    this.logger.error({ recordType, fields }, 'journal record refused by its privacy check');
    if (entry.type === 'recordRefused') return; // never an alarm about the alarm
    // An outage is reported by failed().
    await this.record({ type: 'recordRefused', data: { recordType, fields } }).catch(() => {});
  }

  private failed(error: unknown) {
    if (this.closing) return;
    const cause = causeOf(error);
    if (!this.health.markUnwritable(this.now(), cause)) return;
    this.logger.error(
      { err: (error as Error).message, cause, dir: this.options.dir },
      'journal cannot be written: the kiosk is out of service until it can',
    );
    this.scheduleProbe();
  }

  private scheduleProbe() {
    if (this.closing) return;
    this.probeTimer = setTimeout(
      () => void this.probe(),
      this.options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS,
    );
    this.probeTimer.unref?.();
  }

  /**
   * Reopens the journal (which repairs its tail and ends a session left open) and writes what
   * happened; only a record on disk counts as writable again.
   */
  private async probe() {
    this.probeTimer = null;
    const outage = this.health.currentOutage();
    if (!outage || this.closing) return;
    await this.closeWriter();
    try {
      const writer = await this.open();
      await writer.append({
        type: 'journalWarning',
        data: {
          message: `journal could not be written from ${outage.since} (${outage.cause}); the kiosk was out of service until this record`,
        },
      });
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, 'journal still cannot be written');
      this.scheduleProbe();
      return;
    }
    this.logger.warn({ since: outage.since }, 'journal can be written again: back in service');
    this.health.markWritable();
    this.tellWritten();
  }

  /** Closes the writer; `opened` stays, so head() still gives the last record (anchoring at stop). */
  private async closeWriter() {
    const writer = this.writer;
    this.writer = null;
    if (!writer) return;
    const opened = await writer.catch(() => null);
    await opened?.close().catch(() => undefined);
  }
}
