import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceFiles, ZeroRead } from './device-files';
import { DeviceFileTransport } from './device-file-transport';

const errno = (code: string) => Object.assign(new Error(`${code}: from the device`), { code });

/**
 * A device file in memory, as a non-blocking descriptor behaves: reads answer EAGAIN while
 * nothing is waiting, writes take at most `capacity` bytes a call (EAGAIN at 0).
 */
class FakeDeviceFile implements DeviceFiles {
  readonly toRead: Uint8Array[] = [];
  readonly written: number[] = [];
  readonly openFds = new Set<number>();
  readonly reads = { count: 0 };
  capacity = Infinity;
  nextReadError: Error | undefined;
  nextWriteError: Error | undefined;
  zeroReads = 0;
  zeroMeans: ZeroRead = 'nothing';
  private fds = 10;

  async open(): Promise<number> {
    const fd = this.fds++;
    this.openFds.add(fd);
    return fd;
  }

  async read(fd: number, buffer: Uint8Array): Promise<number> {
    this.assertOpen(fd);
    this.reads.count++;
    if (this.nextReadError) throw this.nextReadError;
    if (this.zeroReads > 0) {
      this.zeroReads--;
      return 0;
    }
    const next = this.toRead.shift();
    if (!next) throw errno('EAGAIN');
    buffer.set(next);
    return next.length;
  }

  async write(fd: number, data: Uint8Array): Promise<number> {
    this.assertOpen(fd);
    if (this.nextWriteError) throw this.nextWriteError;
    const taken = Math.min(this.capacity, data.length);
    if (taken === 0) throw errno('EAGAIN');
    this.written.push(...data.subarray(0, taken));
    return taken;
  }

  async close(fd: number): Promise<void> {
    this.assertOpen(fd);
    this.openFds.delete(fd);
  }

  async zeroRead(): Promise<ZeroRead> {
    return this.zeroMeans;
  }

  private assertOpen(fd: number): void {
    if (!this.openFds.has(fd)) throw errno('EBADF');
  }
}

function transportOver(files: FakeDeviceFile, writeTimeoutMs = 1000) {
  const transport = new DeviceFileTransport({
    path: '/dev/usb/lp0',
    files,
    writeTimeoutMs,
  });
  const received: number[] = [];
  const closes: Array<Error | undefined> = [];
  transport.onData((chunk) => received.push(...chunk));
  transport.onClose((error) => closes.push(error));
  return { transport, received, closes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DeviceFileTransport', () => {
  it('reads a quiet device ten times a second, and an answer to a write within milliseconds', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    const { transport, received } = transportOver(files);
    await transport.open();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(0);
    files.reads.count = 0;
    await vi.advanceTimersByTimeAsync(1000);
    // Backed off to the idle wait: neither spinning nor stopped.
    expect(files.reads.count).toBeGreaterThanOrEqual(9);
    expect(files.reads.count).toBeLessThanOrEqual(11);

    // The device answers a question at once; the read after the write is not 100 ms away.
    files.write = async (_fd, data) => {
      files.toRead.push(Uint8Array.of(0x12));
      return data.length;
    };
    await transport.write(Uint8Array.of(0x10, 0x04, 0x01));
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toEqual([0x12]);

    files.toRead.push(Uint8Array.of(0x34), Uint8Array.of(0x56));
    await vi.advanceTimersByTimeAsync(100);
    expect(received).toEqual([0x12, 0x34, 0x56]);
    await transport.close();
  });

  it('reports an unplugged device (ENODEV on read) once, with the descriptor closed first', async () => {
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files);
    await transport.open();
    const lost = new Promise<number>((resolve) =>
      transport.onClose(() => resolve(files.openFds.size)),
    );
    files.nextReadError = errno('ENODEV');
    expect(await lost).toBe(0);
    expect(closes).toHaveLength(1);
    expect(closes[0]?.message).toMatch(/ENODEV/);
    expect(transport.isOpen).toBe(false);
    await transport.close();
    expect(closes).toHaveLength(1);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });

  it('counts a write error (EIO) as a lost link and fails that write', async () => {
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files);
    await transport.open();
    files.nextWriteError = errno('EIO');
    await expect(transport.write(Uint8Array.of(1, 2))).rejects.toThrow(/EIO/);
    expect(closes.map((error) => error?.message)).toEqual(['EIO: from the device']);
    expect(files.openFds.size).toBe(0);
  });

  it('writes every byte in order through short writes and a full device, never interleaving', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    const { transport } = transportOver(files);
    await transport.open();
    files.capacity = 0;
    const first = transport.write(Uint8Array.from([1, 2, 3, 4, 5]));
    const second = transport.write(Uint8Array.from([6, 7]));
    await vi.advanceTimersByTimeAsync(60);
    expect(files.written).toEqual([]);
    files.capacity = 2;
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([first, second]);
    expect(files.written).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await transport.close();
  });

  it('drops a link whose device takes no data within the write time limit', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files, 500);
    await transport.open();
    files.capacity = 0;
    const write = transport.write(Uint8Array.of(1));
    const failed = expect(write).rejects.toThrow(/took no data for 500 ms/);
    await vi.advanceTimersByTimeAsync(520);
    await failed;
    expect(closes).toHaveLength(1);
    expect(transport.isOpen).toBe(false);
  });

  it('gives a slow device that keeps taking bytes more than the write time limit in all', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files, 500);
    await transport.open();
    let calls = 0;
    // One byte every 400 ms: each step is within the limit, the whole write is not.
    files.write = async (_fd, data) => {
      if (++calls % 40 !== 0) throw errno('EAGAIN');
      files.written.push(data[0]!);
      return 1;
    };
    const write = transport.write(Uint8Array.from([1, 2, 3]));
    await vi.advanceTimersByTimeAsync(1400);
    await write;
    expect(files.written).toEqual([1, 2, 3]);
    expect(closes).toEqual([]);
    await transport.close();
  });

  it('keeps a usblp printer open on empty status reads but ends a tty or FIFO at end of file', async () => {
    vi.useFakeTimers();
    const usblp = new FakeDeviceFile();
    usblp.zeroReads = 5;
    const printer = transportOver(usblp);
    await printer.transport.open();
    await vi.advanceTimersByTimeAsync(200);
    expect(printer.transport.isOpen).toBe(true);
    expect(printer.closes).toEqual([]);
    await printer.transport.close();

    const tty = new FakeDeviceFile();
    tty.zeroMeans = 'ended';
    tty.zeroReads = 1;
    const line = transportOver(tty);
    await line.transport.open();
    await vi.advanceTimersByTimeAsync(20);
    expect(line.closes.map((error) => error?.message)).toEqual([
      '/dev/usb/lp0: the other end closed (end of file)',
    ]);
  });

  it('still prints on a device that cannot be read (EINVAL: usblp, unidirectional printer)', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    files.nextReadError = errno('EINVAL');
    const { transport, closes } = transportOver(files);
    await transport.open();
    await vi.advanceTimersByTimeAsync(100);
    expect(files.reads.count).toBe(1);
    await transport.write(Uint8Array.of(0x1b, 0x40));
    expect(files.written).toEqual([0x1b, 0x40]);
    expect(closes).toEqual([]);
    await transport.close();
  });

  it('close ends a write waiting on a full device and reports the close once', async () => {
    vi.useFakeTimers();
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files);
    await transport.open();
    files.capacity = 0;
    const write = transport.write(Uint8Array.of(1));
    const failed = expect(write).rejects.toThrow(/closed before the write completed/);
    await vi.advanceTimersByTimeAsync(30);
    await transport.close();
    await failed;
    expect(closes).toEqual([undefined]);
    expect(files.openFds.size).toBe(0);
  });

  it('opens again after a loss, on a fresh descriptor', async () => {
    const files = new FakeDeviceFile();
    const { transport, closes } = transportOver(files);
    await transport.open();
    const lost = new Promise((resolve) => transport.onClose(resolve));
    files.nextReadError = errno('ENODEV');
    await lost;
    files.nextReadError = undefined;
    await transport.open();
    files.toRead.push(Uint8Array.of(0x12));
    const answer = new Promise<Uint8Array>((resolve) => transport.onData(resolve));
    expect([...(await answer)]).toEqual([0x12]);
    expect(closes).toHaveLength(1);
    expect(files.openFds.size).toBe(1);
    await transport.close();
  });

  it('fails open with the reason when the device file cannot be opened', async () => {
    const files = new FakeDeviceFile();
    files.open = async () => {
      throw errno('EACCES');
    };
    const { transport } = transportOver(files);
    await expect(transport.open()).rejects.toThrow(/EACCES/);
    expect(transport.isOpen).toBe(false);
  });
});
