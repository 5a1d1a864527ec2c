import type { Logger } from '../core/log/logger';

export const THROTTLE_INTERVAL_MS = 10_000;

/**
 * A warning any local program can trigger at will (a refused WebSocket upgrade): the first of a
 * burst is logged at once, the rest are counted, and at most one line per interval reports how
 * many were suppressed since (by reason), so a flood cannot fill the operator's log.
 */
export class ThrottledWarning {
  private window: NodeJS.Timeout | null = null;
  private suppressed = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly intervalMs = THROTTLE_INTERVAL_MS,
  ) {}

  note(reason: string): void {
    if (this.window) {
      this.suppressed.set(reason, (this.suppressed.get(reason) ?? 0) + 1);
      return;
    }
    this.logger.warn({ reason }, this.message);
    this.openWindow();
  }

  /** Logs what is still counted and stops the timer. */
  close(): void {
    if (this.window) clearTimeout(this.window);
    this.window = null;
    this.flush();
  }

  private openWindow(): void {
    this.window = setTimeout(() => {
      this.window = null;
      if (this.flush()) this.openWindow();
    }, this.intervalMs);
    this.window.unref();
  }

  /** One line for the refusals counted since the last one; false when there were none. */
  private flush(): boolean {
    if (this.suppressed.size === 0) return false;
    let suppressed = 0;
    for (const count of this.suppressed.values()) suppressed += count;
    const reasons = Object.fromEntries(this.suppressed);
    this.suppressed = new Map();
    this.logger.warn({ suppressed, reasons, intervalMs: this.intervalMs }, this.message);
    return true;
  }
}
