import { HostError, type HostClient } from '../host/host-client';

/** Seq and hash of the journal's last record. */
export interface JournalHead {
  seq: number;
  hash: string;
}

/** Structured logging as pino does it; fields never carry personal data. */
export interface AnchorLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface JournalAnchoringOptions {
  /** The journal's current head; null while it is not open or holds no record. */
  head: () => JournalHead | null;
  host: Pick<HostClient, 'sendJournalAnchor'>;
  /** At most one send per interval (journal.anchorSeconds); a failed send is retried after it. */
  intervalMs: number;
  logger: AnchorLogger;
  /** The kiosk's clock, for the anchor's `at`. */
  now?: () => Date;
  /** Budget of the last send at stop (default 2000 ms). */
  stopTimeoutMs?: number;
  /**
   * Told after each anchor sent (accepted or not), not at stop: journal shipping follows it, and
   * records its own outcome.
   */
  afterSend?: () => void;
}

/**
 * Sends the journal head to the host, so a journal cut short or re-hashed on the kiosk no longer
 * matches what the host holds (`kiosk-diag journal verify --anchor host`). Call `written()` after
 * records are written: the head goes out at once when nothing was sent in the last interval,
 * otherwise when the interval ends; nothing goes out while the head is unchanged. Failures are
 * logged and retried at the next interval; nothing here ever throws into the journal or waits
 * on the host for it.
 */
export class JournalAnchoring {
  private sent: JournalHead | null = null;
  private sentAt: Date | null = null;
  private cooldown: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private stopped = false;
  private stopping: Promise<void> | null = null;
  private failing = false;
  private readonly now: () => Date;

  constructor(private readonly options: JournalAnchoringOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The head the host last accepted, or null. */
  lastSent(): JournalHead | null {
    return this.sent;
  }

  /** When the host last accepted a head (the metrics' anchor age), or null. */
  lastAnchoredAt(): Date | null {
    return this.sentAt;
  }

  /** Records were written: send the head now, or when the current interval ends. */
  written(): void {
    if (this.stopped || this.cooldown || this.inFlight) return;
    this.attempt();
  }

  /** Cancels the interval and sends the head one last time (best effort, short budget). */
  stop(): Promise<void> {
    if (!this.stopping) {
      this.stopped = true;
      this.stopping = this.finish();
    }
    return this.stopping;
  }

  private async finish(): Promise<void> {
    if (this.cooldown) clearTimeout(this.cooldown);
    this.cooldown = null;
    this.controller?.abort();
    await this.inFlight;
    const budget = new AbortController();
    const timer = setTimeout(
      () => budget.abort(new DOMException('stop budget spent', 'TimeoutError')),
      this.options.stopTimeoutMs ?? 2000,
    );
    try {
      await this.send(budget.signal, 'at stop');
    } finally {
      clearTimeout(timer);
    }
  }

  private attempt(): void {
    const controller = new AbortController();
    this.controller = controller;
    this.inFlight = this.send(controller.signal, 'interval').finally(() => {
      this.inFlight = null;
      this.controller = null;
      if (this.stopped) return;
      // One send per interval: whatever was written meanwhile (or failed) goes when it ends.
      this.cooldown = setTimeout(() => {
        this.cooldown = null;
        if (!this.stopped && this.changed(this.currentHead())) this.attempt();
      }, this.options.intervalMs);
      this.cooldown.unref();
    });
  }

  private async send(signal: AbortSignal, when: 'interval' | 'at stop'): Promise<void> {
    const head = this.currentHead();
    if (!head || !this.changed(head)) return;
    try {
      await untilAborted(
        this.options.host.sendJournalAnchor(
          { seq: head.seq, hash: head.hash, at: this.now().toISOString() },
          signal,
        ),
        signal,
      );
      this.sent = head;
      this.sentAt = this.now();
      if (this.failing) this.options.logger.info({ seq: head.seq }, 'journal anchor sent again');
      this.failing = false;
    } catch (error) {
      // Aborted because the kiosk is stopping: the send at stop follows at once.
      if (this.stopped && when === 'interval') return;
      this.failing = true;
      this.log(error, head, when);
    } finally {
      if (!this.stopped) this.tellSent();
    }
  }

  private tellSent(): void {
    try {
      this.options.afterSend?.();
    } catch (error) {
      this.options.logger.error(
        { err: (error as Error).message },
        'journal anchor listener failed',
      );
    }
  }

  private log(error: unknown, head: JournalHead, when: 'interval' | 'at stop'): void {
    const failure = error instanceof HostError ? error.failure : null;
    const fields = {
      seq: head.seq,
      kind: failure?.kind ?? 'error',
      detail: failure && 'detail' in failure ? failure.detail : undefined,
    };
    const retry =
      when === 'at stop' ? 'not retried' : `retried in ${this.options.intervalMs / 1000} s`;
    if (failure?.kind === 'conflict') {
      // An honest kiosk only sees this when its journal was reset, cut short or rewritten.
      this.options.logger.error(
        fields,
        `host refused the journal anchor: it holds a later seq or another hash for this seq; check with kiosk-diag journal verify --anchor host (${retry})`,
      );
      return;
    }
    this.options.logger.warn(fields, `journal anchor not sent (${retry})`);
  }

  private currentHead(): JournalHead | null {
    try {
      return this.options.head();
    } catch {
      return null;
    }
  }

  private changed(head: JournalHead | null): boolean {
    return head !== null && (head.seq !== this.sent?.seq || head.hash !== this.sent.hash);
  }
}

/**
 * The call, or a timeout as soon as the signal aborts: a host call that ignores its signal must
 * not hold anchoring (and with it the kiosk's stop) forever.
 */
export function untilAborted<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new HostError({ kind: 'timeout' }));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([call, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
