import { failure, type Completion } from './device';

interface Waiting<T> {
  resolve(result: Completion<T>): void;
  timer: ReturnType<typeof setTimeout>;
}

/** The one read a driver waits for at a time (card read, scan), with its time limit. */
export class PendingRead<T> {
  private pending: Waiting<T> | undefined;

  /** Waits for finish(); fails at once with `busy` while another read waits, `timedOut` later. */
  wait(timeoutMs: number, busy: string, timedOut: string): Promise<Completion<T>> {
    if (this.pending) return Promise.resolve(failure('deviceNotReady', busy));
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(failure('timeOut', timedOut)), timeoutMs);
      this.pending = { resolve, timer };
    });
  }

  /** Completes the waiting read, if any. */
  finish(result: Completion<T>): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(result);
  }
}

/** A value (card data, KPJ) held for its one taker and wiped when not taken within `ttlMs`. */
export class ExpiringValue<T> {
  private value: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ttlMs: number) {}

  store(value: T): void {
    this.wipe();
    this.value = value;
    this.timer = setTimeout(() => this.wipe(), this.ttlMs);
    this.timer.unref?.();
  }

  /** The value, cleared by this call. */
  take(): T | undefined {
    const value = this.value;
    this.wipe();
    return value;
  }

  wipe(): void {
    this.value = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
