import type { Transport } from '../common/transport';
import { ListenerSet } from './listener-set';

/**
 * A transport whose far end can be changed while the driver above it keeps running: a device
 * moved to another port is retargeted (the driver closes, the link is swapped, it opens
 * again) without rebuilding the driver that the rest of the kiosk holds on to.
 */
export class RetargetableTransport implements Transport {
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private unsubscribe: () => void = () => {};

  constructor(private current: Transport) {
    this.attach(current);
  }

  get description(): string {
    return this.current.description;
  }

  get isOpen(): boolean {
    return this.current.isOpen;
  }

  /** The link now in use (tests, diagnostics). */
  get target(): Transport {
    return this.current;
  }

  /** Switches to `next`; the old link is closed first (its close is not reported as a loss). */
  async retarget(next: Transport): Promise<void> {
    const previous = this.current;
    this.unsubscribe();
    await previous.close().catch(() => undefined);
    this.current = next;
    this.attach(next);
  }

  open(): Promise<void> {
    return this.current.open();
  }

  close(): Promise<void> {
    return this.current.close();
  }

  write(data: Uint8Array): Promise<void> {
    return this.current.write(data);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private attach(transport: Transport): void {
    const offData = transport.onData((chunk) => this.data.emit(chunk));
    const offClose = transport.onClose((error) => this.closed.emit(error));
    this.unsubscribe = () => {
      offData();
      offClose();
    };
  }
}
