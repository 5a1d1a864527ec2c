import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { SerialPortStream } from '@serialport/stream';
import type { Transport } from '../common/transport';
import { ListenerSet } from './listener-set';

/** @serialport/bindings-interface has no exported types under bundler resolution; take it from the stream. */
export type SerialBinding = ConstructorParameters<typeof SerialPortStream>[0]['binding'];

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  rtscts?: boolean;
  xon?: boolean;
  xoff?: boolean;
  /** Tests pass @serialport/binding-mock's MockBinding (or a wrapper of it); default: the native binding. */
  binding?: SerialBinding;
  /**
   * How often to check that the device node is still there (default 1000 ms; 0: never; never
   * with a test binding, whose paths are not files).
   */
  presenceCheckMs?: number;
}

/** Errors that mean the device node is gone (unplugged), not that it cannot be read. */
const GONE = new Set(['ENOENT', 'ENXIO', 'ENODEV']);

/** A serial line (RS-232, USB-serial, a pty) as a Transport. */
export class SerialTransport implements Transport {
  readonly description: string;
  private port: SerialPortStream | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private hangupError: Error | undefined;
  private presenceTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    this.description = `serial:${options.path}@${options.baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const { binding, presenceCheckMs, ...rest } = this.options;
    const settings = { ...rest, autoOpen: false };
    const port: SerialPortStream = binding
      ? new SerialPortStream({ ...settings, binding })
      : new SerialPort(settings);
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk)));
    // Errors after open (e.g. unplug) are reported through 'close'; swallow the rest here.
    port.on('error', () => undefined);
    port.on('close', (error: Error | null) => {
      clearInterval(this.presenceTimer);
      if (this.port === port) this.port = undefined;
      const reason = error ?? this.hangupError;
      this.hangupError = undefined;
      this.closed.emit(reason ?? undefined);
    });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(error) : resolve())),
    );
    this.port = port;
    const every = presenceCheckMs ?? 1000;
    if (!binding && every > 0) {
      clearInterval(this.presenceTimer);
      this.presenceTimer = setInterval(() => void this.checkPresence(port), every);
      this.presenceTimer.unref();
    }
  }

  /**
   * A pulled USB cable removes the device node, but the native binding does not always report
   * the hang-up on a line nothing is written to (a card reader or scanner only listens): the
   * node's absence is the proof.
   */
  private async checkPresence(port: SerialPortStream): Promise<void> {
    try {
      await stat(this.options.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!GONE.has(code) || !port.isOpen || this.port !== port) return;
      this.hangupError = new Error(`${this.options.path} is gone (${code}): unplugged?`);
      port.close(() => undefined);
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error(`${this.description} is not open`);
    try {
      await new Promise<void>((resolve, reject) =>
        port.write(Buffer.from(data), (error) => (error ? reject(error) : resolve())),
      );
      await new Promise<void>((resolve, reject) =>
        port.drain((error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      this.closeOnHangup(port, error);
      throw error;
    }
  }

  /**
   * The native binding does not always notice a hang-up on its pending read (a pty whose
   * other side vanished reports EIO only when used), so a write that fails that way also
   * counts as the line being gone.
   */
  private closeOnHangup(port: SerialPortStream, error: unknown): void {
    const code = (error as { code?: string }).code;
    if (!port.isOpen || !['EIO', 'ENXIO', 'EBADF', 'ENODEV'].includes(code ?? '')) return;
    this.hangupError = error instanceof Error ? error : new Error(String(error));
    port.close(() => undefined);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }
}
