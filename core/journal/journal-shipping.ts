import {
  JournalShipped,
  MAX_JOURNAL_BATCH_BYTES,
  MAX_JOURNAL_BATCH_RECORDS,
  journalBatchBytes,
} from '../host/host-api';
import { HostError, type HostClient } from '../host/host-client';
import { untilAborted, type AnchorLogger, type JournalHead } from './journal-anchoring';
import { readShippingCursor, writeShippingCursor, type ShippingCursor } from './shipping-cursor';
import type { HeldHead } from './shipped-chain';
import { JournalShippingBlocked, unshippedLines, type UnshippedLine } from './unshipped-lines';

export interface JournalShipperOptions {
  /** The journal folder: its day files are the queue, the cursor file sits beside them. */
  dir: string;
  /** The last record whose append resolved; null while the journal is not open or empty. */
  head: () => JournalHead | null;
  host: Pick<HostClient, 'journalShipped' | 'shipJournalRecords'>;
  logger: AnchorLogger;
  /** Records per batch (journal.ship.batchRecords; at most 1000). */
  batchRecords?: number;
  /** Bytes of a batch's request body (at most 256 KiB). */
  batchBytes?: number;
  /** First wait after a failure; doubled on each failure in a row up to `retryMaxMs`. */
  retryMinMs?: number;
  retryMaxMs?: number;
  now?: () => Date;
}

/**
 * Ships the journal to the host: on `kick()` (after each anchor) it asks the host which record
 * it holds, reads the day files from the record after it and sends them in batches, in order,
 * until the host holds the journal's head. The files are the queue: nothing is held in memory
 * and nothing is deleted, so an offline kiosk loses nothing and a restart resumes from the
 * host's answer. A failure is retried after a back-off (doubling, bounded, reset by success);
 * nothing here throws into the journal or waits on the host for it.
 */
export class JournalShipper {
  private cursor: ShippingCursor | null = null;
  private cursorLoaded = false;
  private running: Promise<void> | null = null;
  /** True from a kick until the run it started ends (cleared with no await in between). */
  private active = false;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private controller: AbortController | null = null;
  private failures = 0;
  private stopped = false;
  private readonly now: () => Date;
  private readonly batchRecords: number;
  private readonly batchBytes: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;

  constructor(private readonly options: JournalShipperOptions) {
    this.now = options.now ?? (() => new Date());
    this.batchRecords = Math.min(options.batchRecords ?? 500, MAX_JOURNAL_BATCH_RECORDS);
    this.batchBytes = Math.min(
      options.batchBytes ?? MAX_JOURNAL_BATCH_BYTES,
      MAX_JOURNAL_BATCH_BYTES,
    );
    this.retryMinMs = options.retryMinMs ?? 1000;
    this.retryMaxMs = Math.max(this.retryMinMs, options.retryMaxMs ?? 300_000);
  }

  /** Ship what the host lacks now; while shipping, once more after; while backing off, not. */
  kick(): void {
    if (this.stopped || this.retryTimer) return;
    if (this.active) {
      this.again = true;
      return;
    }
    this.active = true;
    const run = this.run().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
  }

  /** What the kiosk knows of its shipping now (the cursor file holds the same). */
  state(): ShippingCursor | null {
    return this.cursor;
  }

  /** Resolves when no shipping is in flight (tests, and the stop below). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Cancels a send in flight and any retry; the next start resumes from the host's answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.controller?.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      await this.loadCursor();
      for (;;) {
        this.again = false;
        await this.shipAll(controller.signal);
        if (this.stopped) return;
        if (this.failures > 0)
          this.options.logger.info({ seq: this.cursor?.shipped.seq }, 'journal shipped again');
        this.failures = 0;
        await this.save({ lastError: null, nextRetryAt: null });
        // Kicked meanwhile: records were written after this run read the head.
        if (!this.again || this.stopped) return;
      }
    } catch (error) {
      if (!this.stopped) await this.failed(error);
    } finally {
      this.active = false;
      this.controller = null;
    }
  }

  private async shipAll(signal: AbortSignal): Promise<void> {
    const head = this.options.head();
    if (!head) return;
    await this.save({ lastAttemptAt: this.now().toISOString() });
    const held = await this.hostCall(() => this.options.host.journalShipped(signal), signal);
    if (held.seq > head.seq)
      throw new JournalShippingBlocked(
        `the host holds seq ${held.seq}, this journal ends at seq ${head.seq}`,
      );
    // The cursor names the file of a record at or before the host's: reading can start there.
    const fromFile =
      this.cursor && this.cursor.shipped.seq <= held.seq ? this.cursor.shipped.file : null;
    let heldFile = this.cursor?.shipped.seq === held.seq ? fromFile : null;
    let batch: UnshippedLine[] = [];
    let bytes = journalBatchBytes([]);
    let sent = false;
    const lines = unshippedLines(this.options.dir, held, {
      upToSeq: head.seq,
      fromFile,
      onHeld: (file) => (heldFile = file),
    });
    for await (const line of lines) {
      if (this.stopped) return;
      const lineBytes = Buffer.byteLength(JSON.stringify(line.text), 'utf8') + 1;
      if (
        batch.length >= this.batchRecords ||
        (batch.length > 0 && bytes + lineBytes > this.batchBytes)
      ) {
        await this.send(batch, signal);
        sent = true;
        batch = [];
        bytes = journalBatchBytes([]);
      }
      batch.push(line);
      bytes += lineBytes;
    }
    if (this.stopped) return;
    if (batch.length > 0) await this.send(batch, signal);
    else if (!sent) await this.confirmed(held, heldFile);
  }

  private async send(batch: UnshippedLine[], signal: AbortSignal): Promise<void> {
    const last = batch.at(-1)!;
    const reply = await this.hostCall(
      () => this.options.host.shipJournalRecords({ lines: batch.map((l) => l.text) }, signal),
      signal,
    );
    if (reply.seq !== last.seq || reply.hash !== last.hash)
      throw new HostError({
        kind: 'malformedReply',
        detail: `host answered seq ${reply.seq} to a batch up to seq ${last.seq}`,
      });
    await this.confirmed(reply, last.file);
  }

  private async confirmed(held: HeldHead, file: string | null): Promise<void> {
    await this.save({
      shipped: { seq: held.seq, hash: held.hash, file },
      confirmedAt: this.now().toISOString(),
      // The host answers and agrees: whatever failed before is over.
      lastError: null,
      nextRetryAt: null,
    });
  }

  private async hostCall<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) throw new HostError({ kind: 'unavailable', detail: 'request canceled' });
    const reply = await untilAborted(call(), signal);
    // Held to the schema here too: a wrong seq would make shipping skip or repeat records.
    const parsed = JournalShipped.safeParse(reply);
    if (!parsed.success)
      throw new HostError({ kind: 'malformedReply', detail: 'journal shipped: seq, hash' });
    return parsed.data as T;
  }

  private async failed(error: unknown): Promise<void> {
    this.failures += 1;
    const delayMs = Math.min(this.retryMaxMs, this.retryMinMs * 2 ** (this.failures - 1));
    const failure = error instanceof HostError ? error.failure : null;
    const kind = error instanceof JournalShippingBlocked ? 'blocked' : (failure?.kind ?? 'error');
    const detail =
      error instanceof JournalShippingBlocked
        ? error.message
        : failure && 'detail' in failure
          ? failure.detail
          : failure
            ? undefined
            : (error as Error).message;
    const at = this.now();
    await this.save({
      lastError: {
        at: at.toISOString(),
        kind,
        ...(detail ? { detail: detail.slice(0, 300) } : {}),
      },
      nextRetryAt: new Date(at.getTime() + delayMs).toISOString(),
    });
    const fields = { seq: this.cursor?.shipped.seq ?? 0, kind, detail, retryInMs: delayMs };
    // These do not go away by waiting: the journal and the host's copy disagree.
    if (kind === 'blocked' || kind === 'conflict' || kind === 'refused')
      this.options.logger.error(
        fields,
        'journal shipping refused: the host and this journal disagree; check with kiosk-diag journal status and journal verify --anchor host',
      );
    else this.options.logger.warn(fields, 'journal not shipped, will retry');
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delayMs);
    this.retryTimer.unref();
  }

  private async loadCursor(): Promise<void> {
    if (this.cursorLoaded) return;
    this.cursorLoaded = true;
    const read = await readShippingCursor(this.options.dir);
    if (read.found) this.cursor = read.cursor;
    else if (read.problem)
      this.options.logger.warn({ problem: read.problem }, 'journal shipping cursor ignored');
  }

  /** Updates the cursor and its file; a file that cannot be written is only logged. */
  private async save(change: Partial<ShippingCursor>): Promise<void> {
    this.cursor = {
      shipped: { seq: 0, hash: '0'.repeat(64), file: null },
      confirmedAt: null,
      lastAttemptAt: null,
      lastError: null,
      nextRetryAt: null,
      ...this.cursor,
      ...change,
    };
    try {
      await writeShippingCursor(this.options.dir, this.cursor);
    } catch (error) {
      this.options.logger.warn(
        { err: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
        'journal shipping cursor not written',
      );
    }
  }
}
