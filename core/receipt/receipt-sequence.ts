import { formatDate } from '../common/domain/format';

/**
 * The per-terminal daily receipt counter behind reference numbers: starts again at 1 each local
 * day. Kept in memory: after a restart the same day it continues from a random offset so a
 * reference is very unlikely to repeat (the journal records every reference for audits).
 */
export class ReceiptSequence {
  private day = '';
  private value = 0;

  constructor(
    private readonly timeZone: string,
    private readonly startOffset: () => number = () => Math.floor(Math.random() * 5000),
  ) {}

  next(at: Date): number {
    const day = formatDate(at, this.timeZone);
    if (day !== this.day) {
      this.day = day;
      this.value = this.startOffset();
    }
    this.value = (this.value % 9999) + 1;
    return this.value;
  }
}
