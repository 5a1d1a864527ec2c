import type { Logger } from '../log/logger';
import type { JournalHead } from './journal-anchoring';
import type { JournalEntryInput } from './journal-entry';
import { openJournal, type JournalWriter, type JournalWriterOptions } from './journal-writer';

/**
 * The journal as the session flow's audit sink. Opens the journal on first use so the kiosk can
 * be composed synchronously; a journal that cannot be opened is reported loudly and every record
 * attempt fails, which the brain logs without ever blocking a participant.
 */
export class LazyJournalSink {
  private writer: Promise<JournalWriter> | null = null;
  private opened: JournalWriter | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly options: JournalWriterOptions,
    private readonly logger: Logger,
  ) {}

  record(entry: JournalEntryInput): Promise<void> {
    return this.open().then((writer) =>
      writer.append(entry).then(() => {
        for (const listener of this.listeners) {
          try {
            listener();
          } catch (error) {
            // A listener (journal anchoring) never fails a record that is already on disk.
            this.logger.error({ err: (error as Error).message }, 'journal listener failed');
          }
        }
      }),
    );
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

  open(): Promise<JournalWriter> {
    if (!this.writer) {
      this.writer = openJournal(this.options);
      this.writer.then(
        (writer) => (this.opened = writer),
        (error: unknown) =>
          this.logger.error(
            { err: (error as Error).message, dir: this.options.dir },
            'journal cannot be opened',
          ),
      );
    }
    return this.writer;
  }

  async close(): Promise<void> {
    if (!this.writer) return;
    const writer = await this.writer.catch(() => null);
    await writer?.close();
  }
}
