import { close, constants, fstat, open, read, write } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * What a zero-byte read means on an open device file. A tty that was hung up and a FIFO
 * whose writer left read as 0 for good (`ended`); the kernel's usblp returns 0 whenever the
 * printer answered a status read with an empty packet, so on other character devices it is
 * only "nothing this time" (`nothing`).
 */
export type ZeroRead = 'ended' | 'nothing';

/** The file calls DeviceFileTransport makes; tests inject failing ones (ENODEV, EAGAIN on write). */
export interface DeviceFiles {
  /** Opens read+write without blocking; resolves the file descriptor. */
  open(path: string): Promise<number>;
  /** Bytes read into `buffer`; rejects with `code` EAGAIN while nothing is waiting. */
  read(fd: number, buffer: Uint8Array): Promise<number>;
  /** Bytes taken (maybe fewer than given); rejects with EAGAIN while the device is full. */
  write(fd: number, data: Uint8Array): Promise<number>;
  close(fd: number): Promise<void>;
  zeroRead(fd: number): Promise<ZeroRead>;
}

/**
 * O_NONBLOCK: a blocking read on a tty, FIFO or usblp device would hold one of libuv's four
 * threadpool threads until bytes come, and close() cannot interrupt it; four such reads stall
 * every fs and dns call of the process. Non-blocking, a read returns EAGAIN at once instead.
 * O_NOCTTY: a tty opened as a file must not become the process's controlling terminal.
 */
const OPEN_FLAGS = constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY;

const settle =
  <T>(resolve: (value: T) => void, reject: (error: Error) => void) =>
  (error: Error | null, value: T) =>
    error ? reject(error) : resolve(value);

/** node:fs on raw descriptors (a FileHandle's close would wait for reads in flight). */
export const nodeDeviceFiles: DeviceFiles = {
  open: (path) => new Promise((resolve, reject) => open(path, OPEN_FLAGS, settle(resolve, reject))),
  read: (fd, buffer) =>
    new Promise((resolve, reject) =>
      read(fd, buffer, 0, buffer.length, null, settle(resolve, reject)),
    ),
  write: (fd, data) =>
    new Promise((resolve, reject) =>
      write(fd, data, 0, data.length, null, settle(resolve, reject)),
    ),
  close: (fd) =>
    new Promise((resolve, reject) => close(fd, (error) => (error ? reject(error) : resolve()))),
  zeroRead: (fd) =>
    new Promise((resolve, reject) =>
      fstat(fd, (error, stats) => {
        if (error) return reject(error);
        resolve(stats.isFIFO() || isatty(fd) ? 'ended' : 'nothing');
      }),
    ),
};
