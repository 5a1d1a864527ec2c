import { createHash, randomBytes } from 'node:crypto';

/**
 * Remembers KPJs locked after too many wrong birth dates, across sessions, on this kiosk. Keys
 * are salted hashes so the registry never holds a KPJ in memory longer than a session does.
 */
export class LockoutRegistry {
  private readonly salt = randomBytes(16);
  private readonly lockedUntilByKey = new Map<string, number>();

  constructor(private readonly lockMs: number) {}

  private key(kpj: string): string {
    return createHash('sha256').update(this.salt).update(kpj).digest('hex');
  }

  /** Locks the KPJ from `now`; returns the ISO instant it unlocks. */
  lock(kpj: string, now: Date): string {
    const until = now.getTime() + this.lockMs;
    this.lockedUntilByKey.set(this.key(kpj), until);
    return new Date(until).toISOString();
  }

  lockedUntil(kpj: string, now: Date): string | null {
    const key = this.key(kpj);
    const until = this.lockedUntilByKey.get(key);
    if (until === undefined) return null;
    if (until <= now.getTime()) {
      this.lockedUntilByKey.delete(key);
      return null;
    }
    return new Date(until).toISOString();
  }

  clear(kpj: string): void {
    this.lockedUntilByKey.delete(this.key(kpj));
  }
}
