import { Socket } from 'node:net';
import type { Transport } from '../common/transport';
import { ListenerSet } from './listener-set';

export interface TcpTransportOptions {
  host: string;
  /** Raw printing port, 9100 on most network printers. */
  port?: number;
  connectTimeoutMs?: number;
}

/** A raw TCP socket (JetDirect / port 9100 style) as a Transport. */
export class TcpTransport implements Transport {
  readonly description: string;
  private socket: Socket | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private readonly port: number;
  private readonly connectTimeoutMs: number;

  constructor(private readonly options: TcpTransportOptions) {
    this.port = options.port ?? 9100;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.description = `tcp:${options.host}:${this.port}`;
  }

  /** Wraps a socket that is already connected, e.g. one a server accepted. */
  static fromSocket(socket: Socket, description = 'tcp:accepted'): TcpTransport {
    const transport = new TcpTransport({ host: socket.remoteAddress ?? 'unknown' });
    Object.defineProperty(transport, 'description', { value: description });
    transport.adopt(socket);
    return transport;
  }

  get isOpen(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new Error(`${this.description}: connect timed out after ${this.connectTimeoutMs} ms`),
        );
      }, this.connectTimeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.connect(this.port, this.options.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve();
      });
    });
    this.adopt(socket);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 200).unref();
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new Error(`${this.description} is not open`);
    await new Promise<void>((resolve, reject) =>
      socket.write(data, (error) => (error ? reject(error) : resolve())),
    );
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private adopt(socket: Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    let lastError: Error | undefined;
    socket.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk)));
    socket.on('error', (error) => {
      lastError = error;
    });
    // The printer hanging up counts as a lost link, whether it says goodbye (FIN) or not.
    socket.on('end', () => socket.destroy());
    socket.on('close', (hadError) => {
      if (this.socket === socket) this.socket = undefined;
      this.closed.emit(hadError ? lastError : undefined);
    });
  }
}
