import { randomInt } from 'node:crypto';

interface OtpEntry {
  /** null: a code is demanded but none was sent yet. */
  code: string | null;
  sentAt: number;
  expiresAt: number;
  failures: number;
  verified: boolean;
}

export type OtpCheck =
  | { ok: true }
  | { ok: false; reason: 'notSent' | 'expired' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'exhausted' };

/**
 * One-time codes per verification token, as a host would send them by SMS. The simulator keeps
 * the last code per KPJ so tests and the control panel can read the "SMS".
 */
export class OtpStore {
  private readonly byToken = new Map<string, OtpEntry>();
  private readonly lastCodeByKpj = new Map<string, string>();

  constructor(
    private readonly now: () => Date,
    readonly ttlSeconds = 300,
    readonly resendAfterSeconds = 30,
    readonly maxFailures = 3,
  ) {}

  /** Seconds until a new code may be sent for this token (0 = now). */
  waitBeforeResend(token: string): number {
    const entry = this.byToken.get(token);
    if (!entry || entry.code === null) return 0;
    const wait = entry.sentAt + this.resendAfterSeconds * 1000 - this.now().getTime();
    return Math.max(0, Math.ceil(wait / 1000));
  }

  send(token: string, kpj: string): void {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.now().getTime();
    this.byToken.set(token, {
      code,
      sentAt: now,
      expiresAt: now + this.ttlSeconds * 1000,
      failures: 0,
      verified: false,
    });
    this.lastCodeByKpj.set(kpj, code);
  }

  /** This token reads no balance until a code is sent and verified (the host demands OTP). */
  demand(token: string): void {
    this.byToken.set(token, { code: null, sentAt: 0, expiresAt: 0, failures: 0, verified: false });
  }

  check(token: string, code: string): OtpCheck {
    const entry = this.byToken.get(token);
    if (!entry || entry.code === null) return { ok: false, reason: 'notSent' };
    if (entry.failures >= this.maxFailures) return { ok: false, reason: 'exhausted' };
    if (this.now().getTime() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    if (entry.code !== code) {
      entry.failures += 1;
      const attemptsLeft = this.maxFailures - entry.failures;
      return attemptsLeft > 0
        ? { ok: false, reason: 'wrong', attemptsLeft }
        : { ok: false, reason: 'exhausted' };
    }
    entry.verified = true;
    return { ok: true };
  }

  /** A token that was sent a code may read the balance only after the code is verified. */
  blocks(token: string): boolean {
    const entry = this.byToken.get(token);
    return entry !== undefined && !entry.verified;
  }

  lastCodeFor(kpj: string): string | null {
    return this.lastCodeByKpj.get(kpj) ?? null;
  }
}

/** A phone number's last 4 digits derived from the KPJ, so every participant has a stable one. */
export function maskedPhoneOf(kpj: string): string {
  return `****${kpj.slice(3, 7)}`;
}
