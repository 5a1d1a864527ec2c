import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceFileTransport } from '../../devices/transports/device-file-transport';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { socatAvailable } from '../embedded/socat-available';
import { startPtyPair, type PtyPair } from './pty-pair';

// The stand-in for /dev/usb/lp0: one end of a socat pty pair, a character device any user
// may create, opened as a plain file. Like usblp it is one path read and written, answers
// EAGAIN to a non-blocking read with nothing waiting and fails once the far side is gone.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function standIn(): Promise<{ pair: PtyPair; peer: SerialTransport }> {
  const pair = await startPtyPair();
  cleanups.push(() => pair.close());
  const peer = new SerialTransport({ path: pair.devicePath, baudRate: 115200 });
  await peer.open();
  cleanups.push(() => peer.close());
  return { pair, peer };
}

function opened(path: string): Promise<DeviceFileTransport> {
  const transport = new DeviceFileTransport({ path });
  cleanups.push(() => transport.close());
  return transport.open().then(() => transport);
}

const nextChunk = (transport: { onData(l: (d: Uint8Array) => void): () => void }) =>
  new Promise<number[]>((resolve) => {
    const off = transport.onData((chunk) => {
      off();
      resolve([...chunk]);
    });
  });

/** Resolves with how long an fs call took, or rejects when the threadpool is stuck. */
async function fsCallMs(limitMs = 2000): Promise<number> {
  const start = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    stat('/'),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('an fs call did not complete')), limitMs);
    }),
  ]).finally(() => clearTimeout(timer));
  return Date.now() - start;
}

describe.skipIf(!socatAvailable())('DeviceFileTransport on a pty stand-in', () => {
  it('writes to the device and reads its answers from the same file', async () => {
    const { pair, peer } = await standIn();
    const transport = await opened(pair.hostPath);
    expect(transport.description).toBe(`file:${pair.hostPath}`);

    const atDevice = nextChunk(peer);
    await transport.write(Uint8Array.of(0x10, 0x04, 0x01));
    expect(await atDevice).toEqual([0x10, 0x04, 0x01]);

    const atKiosk = nextChunk(transport);
    await peer.write(Uint8Array.of(0x12));
    expect(await atKiosk).toEqual([0x12]);
  });

  it('reports the link lost once when the other end goes away', async () => {
    const { pair } = await standIn();
    const transport = await opened(pair.hostPath);
    const reasons: Array<Error | undefined> = [];
    const lost = new Promise<void>((resolve) =>
      transport.onClose((error) => {
        reasons.push(error);
        resolve();
      }),
    );
    await pair.close();
    await lost;
    expect(reasons).toHaveLength(1);
    expect(reasons[0]?.message).toMatch(/end of file|EIO/);
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
    await transport.close();
    expect(reasons).toHaveLength(1);
  });

  it('closes promptly while nothing is there to read', async () => {
    const { pair } = await standIn();
    const transport = await opened(pair.hostPath);
    const start = Date.now();
    await transport.close();
    expect(Date.now() - start).toBeLessThan(200);
    expect(transport.isOpen).toBe(false);
  });

  it('leaves the threadpool free: more open devices than threads, and 20 open/close rounds', async () => {
    const { pair, peer } = await standIn();
    // libuv has 4 threadpool threads; 4 blocking reads on a tty would stall every fs call.
    const many = await Promise.all(Array.from({ length: 8 }, () => opened(pair.hostPath)));
    expect(await fsCallMs()).toBeLessThan(500);
    for (const transport of many) await transport.close();

    for (let round = 0; round < 20; round++) {
      const transport = await opened(pair.hostPath);
      await transport.close();
    }
    expect(await fsCallMs()).toBeLessThan(500);

    const last = await opened(pair.hostPath);
    const answer = nextChunk(last);
    await peer.write(Uint8Array.of(0x16));
    expect(await answer).toEqual([0x16]);
  });
});
