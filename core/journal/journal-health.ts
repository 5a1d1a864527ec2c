import type { JournalHealthInfo } from '../common/api';

/**
 * Whether the journal can be written, and the records it refused: what keeps the kiosk in or out
 * of service and what `kiosk-diag kiosk status` reports. State and listeners only; the sink
 * decides when it changes.
 */
export class JournalHealth {
  private outage: { since: string; cause: string } | null = null;
  private refusedCount = 0;
  private lastRefused: JournalHealthInfo['lastRefused'] = null;
  private readonly listeners = new Set<(writable: boolean) => void>();

  writable(): boolean {
    return this.outage === null;
  }

  /** When the outage began and its cause (an error code such as `ENOSPC`), or null. */
  currentOutage(): { since: string; cause: string } | null {
    return this.outage;
  }

  info(): JournalHealthInfo {
    return {
      writable: this.writable(),
      unwritableSince: this.outage?.since ?? null,
      cause: this.outage?.cause ?? null,
      refusedRecords: this.refusedCount,
      lastRefused: this.lastRefused,
    };
  }

  /** Returns false when the journal was already out of order (nothing changed). */
  markUnwritable(since: Date, cause: string): boolean {
    if (this.outage) return false;
    this.outage = { since: since.toISOString(), cause };
    this.notify();
    return true;
  }

  markWritable(): void {
    if (!this.outage) return;
    this.outage = null;
    this.notify();
  }

  noteRefused(recordType: string, fields: string[], at: Date): void {
    this.refusedCount += 1;
    this.lastRefused = { recordType, fields, at: at.toISOString() };
  }

  onChange(listener: (writable: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify() {
    const writable = this.writable();
    for (const listener of this.listeners) listener(writable);
  }
}

/** A short, code-chosen name for why a write failed: the errno code, never a path or value. */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,30}$/.test(code)) return code;
  const name = (error as Error | undefined)?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'unknown';
}
