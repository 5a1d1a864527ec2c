import type { Transport } from '../common/transport';
import { ListenerSet } from './listener-set';

/**
 * One end of an in-memory byte pipe. Bytes written on one end arrive on the other end on a
 * later tick, like real I/O. Closing either end cuts the link: the other end sees `onClose`
 * with an error (as if the cable were pulled). Either end may be opened again; bytes flow
 * only while both ends are open and are otherwise dropped, like a line with nothing on it.
 */
export class MemoryTransport implements Transport {
  peer: MemoryTransport | undefined;
  private open_ = false;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();

  constructor(readonly description: string) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    this.open_ = true;
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(undefined);
    this.peer?.lose(new Error(`${this.description}: peer closed the link`));
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new Error(`${this.description} is not open`);
    const copy = Uint8Array.from(data);
    const peer = this.peer;
    if (!peer) return;
    setImmediate(() => peer.deliver(copy));
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private deliver(data: Uint8Array): void {
    if (this.open_ && this.peer?.open_) this.data.emit(data);
  }

  private lose(error: Error): void {
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(error);
  }
}

/** Two transports wired together: `host` for the driver, `device` for a simulator. */
export function createMemoryTransportPair(name = 'memory'): {
  host: MemoryTransport;
  device: MemoryTransport;
} {
  const host = new MemoryTransport(`${name}:host`);
  const device = new MemoryTransport(`${name}:device`);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
