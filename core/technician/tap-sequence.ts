export type Corner = 'tl' | 'tr' | 'bl' | 'br';

/**
 * The hidden way into technician mode from the touchscreen: corners tapped in a configured
 * order within a time window. The order lives in the brain, never in the UI.
 */
export class TapSequence {
  private taps: Array<{ corner: Corner; at: number }> = [];

  constructor(
    private readonly expected: readonly Corner[],
    private readonly windowMs: number,
  ) {}

  /** Records a tap; true when the last taps complete the sequence in time. */
  tap(corner: Corner, at: number): boolean {
    this.taps = [...this.taps, { corner, at }].slice(-this.expected.length);
    const complete =
      this.taps.length === this.expected.length &&
      this.taps.every((tap, index) => tap.corner === this.expected[index]) &&
      at - this.taps[0]!.at <= this.windowMs;
    if (complete) this.taps = [];
    return complete;
  }
}
