/**
 * The screen's rest outside opening hours: dark while nobody is there, woken by a touch, a key
 * or a card for `awakeMs`, then dark again. Only the brain's resting steps ever go dark.
 */
export class ScreenSleep {
  private offHours = false;
  private awake = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly awakeMs: number,
    private readonly onChange: () => void,
  ) {}

  /** Dark now (given that nobody is being served). */
  dark(): boolean {
    return this.offHours && !this.awake;
  }

  /** Opening hours begin or end (maintenance schedule). */
  setOffHours(offHours: boolean): void {
    if (offHours === this.offHours) return;
    this.offHours = offHours;
    this.onChange();
  }

  /** Someone is there: light up, and count `awakeMs` from now. */
  wake(): void {
    const wasDark = this.dark();
    this.awake = true;
    this.restart();
    if (wasDark) this.onChange();
  }

  /** The visit ended: the start screen shows `awakeMs` from now before going dark again. */
  rest(): void {
    this.awake = true;
    this.restart();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private restart(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.awake = false;
      if (this.offHours) this.onChange();
    }, this.awakeMs);
    this.timer.unref?.();
  }
}
