import { randomBytes } from 'node:crypto';

/** Bearer tokens issued on verification, each bound to one KPJ until it expires. */
export class TokenStore {
  private readonly tokens = new Map<string, { kpj: string; expiresAt: number }>();

  constructor(
    readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {}

  issue(kpj: string): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { kpj, expiresAt: this.now().getTime() + this.ttlSeconds * 1000 });
    return token;
  }

  /** The KPJ a live token belongs to, or null for unknown and expired tokens. */
  kpjOf(token: string): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (this.now().getTime() >= entry.expiresAt) {
      this.tokens.delete(token);
      return null;
    }
    return entry.kpj;
  }
}
