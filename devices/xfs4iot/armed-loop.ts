/**
 * A command a driver keeps outstanding while it is open (CardReader.ReadRawData,
 * BarcodeReader.Read): `round` runs again and again until `stop()`; each round gets the
 * signal that ends it, so its waits (pause, media) end with the loop.
 */
export class ArmedLoop {
  private controller: AbortController | null = null;

  constructor(private readonly round: (signal: AbortSignal) => Promise<void>) {}

  /** True between start() and stop(): the device is armed. */
  get running(): boolean {
    return this.controller !== null;
  }

  start(): void {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    void (async () => {
      while (!controller.signal.aborted) await this.round(controller.signal);
    })();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
