import type { Transport } from '../common/transport';
import { nodeDeviceFiles, type DeviceFiles, type ZeroRead } from './device-files';
import { ListenerSet } from './listener-set';

export interface DeviceFileTransportOptions {
  /** A character device opened as a file: `/dev/usb/lp0`, a tty, a FIFO. */
  path: string;
  /**
   * The first wait before reading again after bytes moved and nothing more was waiting
   * (default 5 ms); it doubles with every empty read up to `idlePollMs`.
   */
  readPollMs?: number;
  /** The longest wait between reads of a device that stays quiet (default 100 ms). */
  idlePollMs?: number;
  /**
   * How long one write may find the device full (EAGAIN) before the link counts as hung and
   * is dropped, shedding the bytes stuck in the kernel (default 10 000 ms).
   */
  writeTimeoutMs?: number;
  /** Default node:fs; tests inject failures. */
  files?: DeviceFiles;
}

/** Codes that mean "not now, ask again": the device has nothing to give or is full. */
const TRY_AGAIN = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

const READ_BUFFER_BYTES = 4096;

/** How soon a write that found the device full tries again. */
const WRITE_RETRY_MS = 10;

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? '';
const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** One open descriptor and everything running on it. */
class OpenFile {
  active = true;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly wakers = new Set<() => void>();
  private wakeReader: (() => void) | undefined;
  /** Empty reads since bytes last moved either way: the read loop's back-off. */
  emptyReads = 0;
  writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly fd: number,
    readonly zeroRead: ZeroRead,
  ) {}

  /** Runs one file call, remembered until it settles so the descriptor is not closed under it. */
  track<T>(call: Promise<T>): Promise<T> {
    this.inFlight.add(call);
    const forget = () => this.inFlight.delete(call);
    call.then(forget, forget);
    return call;
  }

  /** Waits `ms`, or less if the file is stopped meanwhile. */
  pause(ms: number): Promise<void> {
    return this.wakeablePause(ms).done;
  }

  /** The read loop's wait; bytes written cut it short, since an answer may follow at once. */
  async readerPause(ms: number): Promise<void> {
    const { done, wake } = this.wakeablePause(ms);
    this.wakeReader = wake;
    await done;
    this.wakeReader = undefined;
  }

  private wakeablePause(ms: number): { done: Promise<void>; wake: () => void } {
    let wake = () => {};
    const done = new Promise<void>((resolve) => {
      wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
    return { done, wake };
  }

  /** Bytes went out: read again now, and often for a while. */
  wrote(): void {
    this.emptyReads = 0;
    this.wakeReader?.();
  }

  /** Stops the loops and resolves once no call uses the descriptor any more. */
  async stop(): Promise<void> {
    this.active = false;
    for (const wake of [...this.wakers]) wake();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

/**
 * A character device opened as a file, read and written (the kernel's usblp printer device
 * `/dev/usb/lp0`, a tty). Opened non-blocking, so no read ever parks a threadpool thread:
 * while nothing is waiting the device is read again after a wait that starts at `readPollMs`
 * once bytes moved (a status answer follows its question within milliseconds) and doubles up
 * to `idlePollMs` (10 quick calls a second on a quiet device). A read or write error (ENODEV,
 * EIO: the printer was unplugged) or the end of a tty or FIFO is a lost link.
 */
export class DeviceFileTransport implements Transport {
  readonly description: string;
  private file: OpenFile | undefined;
  private opening: Promise<void> | undefined;
  private releasing: Promise<void> | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private readonly files: DeviceFiles;
  private readonly readPollMs: number;
  private readonly idlePollMs: number;
  private readonly writeTimeoutMs: number;

  constructor(private readonly options: DeviceFileTransportOptions) {
    this.description = `file:${options.path}`;
    this.files = options.files ?? nodeDeviceFiles;
    this.readPollMs = Math.max(options.readPollMs ?? 5, 1);
    this.idlePollMs = Math.max(options.idlePollMs ?? 100, this.readPollMs);
    this.writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  }

  get isOpen(): boolean {
    return this.file !== undefined;
  }

  open(): Promise<void> {
    if (this.file) return Promise.resolve();
    this.opening ??= this.openFile().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async openFile(): Promise<void> {
    await this.releasing;
    const fd = await this.files.open(this.options.path);
    let zeroRead: ZeroRead;
    try {
      zeroRead = await this.files.zeroRead(fd);
    } catch (error) {
      await this.files.close(fd).catch(() => undefined);
      throw error;
    }
    const file = new OpenFile(fd, zeroRead);
    this.file = file;
    void this.readLoop(file);
  }

  async close(): Promise<void> {
    await this.opening?.catch(() => undefined);
    const file = this.file;
    if (file) await this.release(file, undefined);
    else await this.releasing;
  }

  write(data: Uint8Array): Promise<void> {
    const file = this.file;
    if (!file) return Promise.reject(new Error(`${this.description} is not open`));
    const bytes = Uint8Array.from(data);
    // One write at a time, so two callers' bytes never interleave on the device.
    const done = file.writes.then(() => this.writeAll(file, bytes));
    file.writes = done.catch(() => undefined);
    return done;
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private async readLoop(file: OpenFile): Promise<void> {
    const buffer = new Uint8Array(READ_BUFFER_BYTES);
    while (file.active) {
      let count: number;
      try {
        count = await file.track(this.files.read(file.fd, buffer));
      } catch (error) {
        if (!file.active) return;
        const code = codeOf(error);
        if (TRY_AGAIN.has(code)) {
          await file.readerPause(this.nextReadDelay(file));
          continue;
        }
        // usblp refuses reads from a printer it found unidirectional; it can still print.
        if (code === 'EINVAL') return;
        void this.lose(file, error);
        return;
      }
      if (!file.active) return;
      if (count > 0) {
        file.emptyReads = 0;
        this.data.emit(buffer.slice(0, count));
        continue;
      }
      if (file.zeroRead === 'ended') {
        void this.lose(file, new Error(`${this.options.path}: the other end closed (end of file)`));
        return;
      }
      await file.readerPause(this.nextReadDelay(file));
    }
  }

  private nextReadDelay(file: OpenFile): number {
    const doublings = Math.min(file.emptyReads++, 16);
    return Math.min(this.readPollMs * 2 ** doublings, this.idlePollMs);
  }

  private async writeAll(file: OpenFile, bytes: Uint8Array): Promise<void> {
    // The limit is on the device taking nothing; a slow printer taking some is still going.
    let deadline = Date.now() + this.writeTimeoutMs;
    let offset = 0;
    while (offset < bytes.length) {
      if (!file.active) throw new Error(`${this.description} closed before the write completed`);
      try {
        const taken = await file.track(this.files.write(file.fd, bytes.subarray(offset)));
        if (taken > 0) {
          offset += taken;
          deadline = Date.now() + this.writeTimeoutMs;
          file.wrote();
          continue;
        }
      } catch (error) {
        if (!TRY_AGAIN.has(codeOf(error))) {
          if (file.active) await this.lose(file, error);
          throw error;
        }
      }
      if (Date.now() >= deadline) {
        const hung = new Error(
          `${this.description}: the device took no data for ${this.writeTimeoutMs} ms`,
        );
        await this.lose(file, hung);
        throw hung;
      }
      await file.pause(WRITE_RETRY_MS);
    }
  }

  /** The link is gone (or hung): let go of the descriptor and tell the listeners once. */
  private async lose(file: OpenFile, error: unknown): Promise<void> {
    if (this.file !== file) return;
    await this.release(file, asError(error));
  }

  /**
   * Stops everything on the descriptor, closes it and reports the close. The close comes
   * before the report: usblp lets one process open a printer at a time, so a reopen on the
   * report would otherwise find it busy (EBUSY).
   */
  private release(file: OpenFile, error: Error | undefined): Promise<void> {
    if (this.file !== file) return this.releasing ?? Promise.resolve();
    this.file = undefined;
    const releasing = (async () => {
      await file.stop();
      await this.files.close(file.fd).catch(() => undefined);
      this.closed.emit(error);
    })().finally(() => {
      if (this.releasing === releasing) this.releasing = undefined;
    });
    this.releasing = releasing;
    return releasing;
  }
}
