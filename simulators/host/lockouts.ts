/**
 * Failed attempts per key: birth dates per KPJ, or PINs per bank card reference. After
 * `maxAttempts` failures the key is locked for `lockMs` (Infinity: until `reset()`); a success,
 * or the end of the lock, starts the count afresh.
 */
export class AttemptTracker {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly maxAttempts: number,
    private readonly lockMs: number,
    private readonly now: () => Date,
  ) {}

  /** The instant the lock ends, or null when the KPJ may try. Expired locks are forgotten. */
  lockedUntilOf(kpj: string): Date | null {
    const until = this.lockedUntil.get(kpj);
    if (until === undefined) return null;
    if (this.now().getTime() >= until) {
      this.lockedUntil.delete(kpj);
      this.failures.delete(kpj);
      return null;
    }
    return new Date(until);
  }

  /** Records a failure: how many attempts are left, or the lock's end when none are. */
  fail(kpj: string): { attemptsLeft: number } | { lockedUntil: Date } {
    const failures = (this.failures.get(kpj) ?? 0) + 1;
    this.failures.set(kpj, failures);
    if (failures < this.maxAttempts) return { attemptsLeft: this.maxAttempts - failures };
    const until = this.now().getTime() + this.lockMs;
    this.lockedUntil.set(kpj, until);
    return { lockedUntil: new Date(until) };
  }

  /** Locks the KPJ at once (too many wrong one-time codes); returns the lock's end. */
  lockNow(kpj: string): Date {
    const until = this.now().getTime() + this.lockMs;
    this.lockedUntil.set(kpj, until);
    return new Date(until);
  }

  succeed(kpj: string): void {
    this.failures.delete(kpj);
  }

  reset(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }
}
