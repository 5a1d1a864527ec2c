/**
 * Counts down a session's idle time. Any activity restarts it; it reports each second while
 * running so the UI can show the warning and countdown, and fires `onExpire` once at zero.
 */
export class IdleTimer {
  private deadline = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly onTick: () => void,
    private readonly onExpire: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  get running(): boolean {
    return this.ticker !== null;
  }

  /** Starts the countdown, or restarts it from full on activity. */
  restart(): void {
    this.deadline = this.now() + this.timeoutMs;
    if (!this.ticker) this.ticker = setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  secondsLeft(): number | null {
    if (!this.running) return null;
    return Math.max(0, Math.ceil((this.deadline - this.now()) / 1000));
  }

  private tick(): void {
    if (this.now() >= this.deadline) {
      this.stop();
      this.onExpire();
      return;
    }
    this.onTick();
  }
}
