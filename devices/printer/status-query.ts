import type { Transport } from '../common/transport';
import { isStatusByte, statusQuery, type StatusKind } from './escpos-status';

export type QueryOutcome =
  | { kind: 'answer'; byte: number }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'linkDown'; reason: string };

/**
 * Asks DLE EOT questions one at a time and takes the first valid status byte that follows as
 * the answer. Bytes that cannot be status (garbage, noise, a half reply) are dropped, and
 * bytes arriving while no question is open are ignored, so a late answer never lands on the
 * next question once that question is asked after it arrived.
 */
export class StatusQuerier {
  private pending: ((byte: number) => void) | undefined;
  private pendingLinkDown: ((reason: string) => void) | undefined;
  /** Bytes seen that were not a valid answer; for technicians' diagnostics. */
  ignoredBytes = 0;

  constructor(
    private readonly transport: Transport,
    private readonly timeoutMs: number,
  ) {}

  /** Feed every byte the transport delivers. Never throws. */
  accept(data: Uint8Array): void {
    for (const byte of data) {
      const pending = this.pending;
      if (pending && isStatusByte(byte)) {
        this.pending = undefined;
        pending(byte);
      } else {
        this.ignoredBytes += 1;
      }
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
    if (signal?.aborted) return { kind: 'aborted' };
    if (!this.transport.isOpen) return { kind: 'linkDown', reason: 'link closed' };
    return new Promise<QueryOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: QueryOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.pending === onByte) this.pending = undefined;
        if (this.pendingLinkDown === onLinkDown) this.pendingLinkDown = undefined;
        resolve(outcome);
      };
      const onByte = (byte: number) => finish({ kind: 'answer', byte });
      const onAbort = () => finish({ kind: 'aborted' });
      const onLinkDown = (reason: string) => finish({ kind: 'linkDown', reason });
      const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      signal?.addEventListener('abort', onAbort);
      this.pending = onByte;
      this.pendingLinkDown = onLinkDown;
      this.transport.write(statusQuery(kind)).catch((error: unknown) =>
        finish({
          kind: 'linkDown',
          reason: error instanceof Error ? error.message : 'write failed',
        }),
      );
    });
  }
}
