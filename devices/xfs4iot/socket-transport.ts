import type { WebSocket } from 'ws';
import type { Transport } from '../common/transport';
import { ListenerSet } from '../transports/listener-set';

/**
 * An open WebSocket as a message-framed Transport: every `write` is one text message and every
 * `onData` chunk is one whole message received (binary frames are refused: XFS4IoT is text).
 */
export class SocketTransport implements Transport {
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private open_ = true;

  constructor(
    private readonly socket: WebSocket,
    readonly description: string,
  ) {
    socket.on('message', (message, isBinary) => {
      if (isBinary) {
        this.lose(new Error('the service sent a binary frame'));
        return;
      }
      const bytes = Array.isArray(message)
        ? Buffer.concat(message)
        : Buffer.from(message as ArrayBuffer);
      this.data.emit(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    socket.on('close', (code, reason) =>
      this.lose(
        code === 1000
          ? undefined
          : new Error(`closed (${code}${reason.length ? ` ${reason}` : ''})`),
      ),
    );
    socket.on('error', (error) => this.lose(error));
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.open_) throw new Error(`${this.description}: closed`);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.socket.close(1000);
    this.socket.terminate();
  }

  write(data: Uint8Array): Promise<void> {
    if (!this.open_) return Promise.reject(new Error(`${this.description}: not open`));
    return new Promise((resolve, reject) =>
      this.socket.send(Buffer.from(data).toString('utf8'), { binary: false }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private lose(error?: Error): void {
    if (!this.open_) return;
    this.open_ = false;
    this.socket.terminate();
    this.closed.emit(error);
  }
}
