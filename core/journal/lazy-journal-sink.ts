import type { Logger } from '../log/logger';
import type { JournalEntryInput } from './journal-entry';
import { openJournal, type JournalWriter, type JournalWriterOptions } from './journal-writer';

/**
 * The journal as the session flow's audit sink. Opens the journal on first use so the kiosk can
 * be composed synchronously; a journal that cannot be opened is reported loudly and every record
 * attempt fails, which the brain logs without ever blocking a participant.
 */
export class LazyJournalSink {
  private writer: Promise<JournalWriter> | null = null;

  constructor(
    private readonly options: JournalWriterOptions,
    private readonly logger: Logger,
  ) {}

  record(entry: JournalEntryInput): Promise<void> {
    return this.open().then((writer) => writer.append(entry).then(() => undefined));
  }

  open(): Promise<JournalWriter> {
    if (!this.writer) {
      this.writer = openJournal(this.options);
      this.writer.catch((error: unknown) =>
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
