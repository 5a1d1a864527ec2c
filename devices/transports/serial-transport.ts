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
  /**
   * How long a write may take on top of the bytes' time on the line at `baudRate` (default
   * 2000 ms). Past that it fails and the port is closed as hung (flow control held off for
   * good, a dead adapter), so the driver's reconnect opens it afresh.
   */
  writeTimeoutMs?: number;
}

/** Start, 8 data bits, parity or not, stop: 10 is close enough for a time limit. */
const BITS_PER_BYTE = 10;

class WriteTimeout extends Error {}

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
    const { binding, presenceCheckMs, writeTimeoutMs: _notForSerialport, ...rest } = this.options;
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
      await this.writeAndDrain(port, Buffer.from(data));
    } catch (error) {
      if (error instanceof WriteTimeout) this.closeAsHung(port, error);
      else this.closeOnHangup(port, error);
      throw error;
    }
  }

  /**
   * Settles on the first of: the bytes written and drained, a write error, the port closing
   * (serialport then queues the drain for an `open` that never comes) or the time limit.
   */
  private writeAndDrain(port: SerialPortStream, bytes: Buffer): Promise<void> {
    const lineTimeMs = Math.ceil((bytes.length * BITS_PER_BYTE * 1000) / this.options.baudRate);
    const limitMs = (this.options.writeTimeoutMs ?? 2000) + lineTimeMs;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        port.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const closedError = () => new Error(`${this.description} closed before the write completed`);
      const onClose = () => settle(closedError());
      const timer = setTimeout(
        () => settle(new WriteTimeout(`${this.description}: write not done within ${limitMs} ms`)),
        limitMs,
      );
      port.once('close', onClose);
      port.write(bytes, (error) => {
        if (error) return settle(error);
        if (!port.isOpen) return settle(closedError());
        port.drain((drainError) => settle(drainError));
      });
    });
  }

  /** A write that never finishes leaves every later one queued behind it: drop the port. */
  private closeAsHung(port: SerialPortStream, error: Error): void {
    if (!port.isOpen) return;
    this.hangupError = error;
    port.close(() => undefined);
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
