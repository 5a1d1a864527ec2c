import type { Transport } from '../common/transport';
import { isStatusByte, statusQuery, type StatusKind } from './escpos-status';

export type QueryOutcome =
  | { kind: 'answer'; byte: number }
  | { kind: 'timeout' }
  /** Every attempt saw bytes that cannot be just the two answers (noise, a burst): no answer. */
  | { kind: 'doubt' }
  | { kind: 'aborted' }
  | { kind: 'linkDown'; reason: string };

export interface StatusQuerierOptions {
  /** How long one question may wait for its answers. */
  timeoutMs: number;
  /** The line must stay quiet this long after the second answer (and before a retry). */
  settleMs?: number;
  /** Questions asked before giving up on a line that keeps adding bytes. */
  attempts?: number;
}

/**
 * Asks DLE EOT questions one at a time and decides what counts as the printer's answer. Line
 * noise can look like a status byte (1 byte in 16 matches 0xx1xx10), so a byte is never taken
 * on its own: each question is sent twice in one write, and the answer is accepted only when
 * exactly two bytes arrive in the question's window, both valid status bytes and equal, and
 * nothing follows within `settleMs`. Anything else (a burst, a third byte, disagreement) is
 * doubt: wait for the line to go quiet, ask again. Bytes while no question is open are dropped.
 */
export class StatusQuerier {
  /** Receives the bytes while a window is open. */
  private window: ((byte: number) => void) | undefined;
  private pendingLinkDown: ((reason: string) => void) | undefined;
  private readonly timeoutMs: number;
  private readonly settleMs: number;
  private readonly attempts: number;
  /** Bytes seen that were not taken as an answer; for technicians' diagnostics. */
  ignoredBytes = 0;
  /** Questions asked again because their window was in doubt; for diagnostics and tests. */
  requeries = 0;

  constructor(
    private readonly transport: Transport,
    options: StatusQuerierOptions,
  ) {
    this.timeoutMs = options.timeoutMs;
    this.settleMs = options.settleMs ?? 15;
    this.attempts = Math.max(options.attempts ?? 3, 1);
  }

  /** Feed every byte the transport delivers. Never throws. */
  accept(data: Uint8Array): void {
    for (const byte of data) {
      if (this.window) this.window(byte);
      else this.ignoredBytes += 1;
    }
  }

  /** The link went away: the open question, if any, ends now instead of timing out. */
  linkLost(reason: string): void {
    this.pendingLinkDown?.(reason);
  }

  async ask(
    kind: StatusKind,
    signal?: AbortSignal,
    timeoutMs = this.timeoutMs,
  ): Promise<QueryOutcome> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) {
        this.requeries += 1;
        // Late answers and the rest of a burst must not land in the next question's window.
        const quiet = await this.listen(signal, timeoutMs, 'quiet');
        if (quiet.kind === 'aborted' || quiet.kind === 'linkDown') return quiet;
      }
      const outcome = await this.listen(signal, timeoutMs, kind);
      if (outcome.kind !== 'doubt') return outcome;
    }
    return { kind: 'doubt' };
  }

  /**
   * One window. For a question: sends it twice and judges what arrives. For `quiet`: drops
   * bytes until none came for `settleMs` (or `timeoutMs` ran out), then resolves `timeout`.
   */
  private listen(
    signal: AbortSignal | undefined,
    timeoutMs: number,
    kind: StatusKind | 'quiet',
  ): Promise<QueryOutcome> {
    if (signal?.aborted) return Promise.resolve({ kind: 'aborted' });
    if (!this.transport.isOpen) return Promise.resolve({ kind: 'linkDown', reason: 'link closed' });
    const quiet = kind === 'quiet';
    return new Promise<QueryOutcome>((resolve) => {
      const bytes: number[] = [];
      let settled = false;
      let settleTimer: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: QueryOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(settleTimer);
        signal?.removeEventListener('abort', onAbort);
        if (this.window === onByte) this.window = undefined;
        if (this.pendingLinkDown === onLinkDown) this.pendingLinkDown = undefined;
        if (outcome.kind !== 'answer') this.ignoredBytes += bytes.length;
        resolve(outcome);
      };
      const judge = (): QueryOutcome => {
        const [first, second] = bytes;
        const agreed =
          bytes.length === 2 && first === second && first !== undefined && isStatusByte(first);
        return agreed ? { kind: 'answer', byte: first } : { kind: 'doubt' };
      };
      const settleAfterQuiet = () => {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(
          () => finish(quiet ? { kind: 'timeout' } : judge()),
          this.settleMs,
        );
      };
      const onByte = (byte: number) => {
        bytes.push(byte);
        if (!quiet && bytes.length > 2) return finish({ kind: 'doubt' });
        if (quiet || bytes.length === 2) settleAfterQuiet();
      };
      const onAbort = () => finish({ kind: 'aborted' });
      const onLinkDown = (reason: string) => finish({ kind: 'linkDown', reason });
      const timer = setTimeout(
        () => finish(quiet || bytes.length === 0 ? { kind: 'timeout' } : { kind: 'doubt' }),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort);
      this.window = onByte;
      this.pendingLinkDown = onLinkDown;
      if (quiet) return settleAfterQuiet();
      const question = statusQuery(kind);
      this.transport.write(Uint8Array.of(...question, ...question)).catch((error: unknown) =>
        finish({
          kind: 'linkDown',
          reason: error instanceof Error ? error.message : 'write failed',
        }),
      );
    });
  }
}
