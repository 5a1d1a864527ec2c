import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from './memory-transport';

const nextData = (transport: { onData(l: (d: Uint8Array) => void): () => void }) =>
  new Promise<number[]>((resolve) => {
    const off = transport.onData((data) => {
      off();
      resolve([...data]);
    });
  });

describe('MemoryTransport pair', () => {
  it('carries bytes both ways', async () => {
    const { host, device } = createMemoryTransportPair();
    await host.open();
    await device.open();
    const atDevice = nextData(device);
    await host.write(Uint8Array.of(1, 2, 3));
    expect(await atDevice).toEqual([1, 2, 3]);
    const atHost = nextData(host);
    await device.write(Uint8Array.of(9));
    expect(await atHost).toEqual([9]);
  });

  it('copies the bytes, so the writer may reuse its buffer', async () => {
    const { host, device } = createMemoryTransportPair();
    await host.open();
    await device.open();
    const buffer = Uint8Array.of(1);
    const atDevice = nextData(device);
    await host.write(buffer);
    buffer[0] = 7;
    expect(await atDevice).toEqual([1]);
  });

  it('reports a lost link to the other end when one end closes, and can be reopened', async () => {
    const { host, device } = createMemoryTransportPair();
    await host.open();
    await device.open();
    const lost = new Promise<Error | undefined>((resolve) => host.onClose(resolve));
    await device.close();
    expect((await lost)?.message).toMatch(/peer closed/);
    expect(host.isOpen).toBe(false);
    await expect(host.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
    await host.open();
    await device.open();
    const atDevice = nextData(device);
    await host.write(Uint8Array.of(5));
    expect(await atDevice).toEqual([5]);
  });

  it('drops bytes while nothing is on the other end', async () => {
    const { host, device } = createMemoryTransportPair();
    await host.open();
    const seen: number[] = [];
    device.onData((d) => seen.push(...d));
    await host.write(Uint8Array.of(1));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([]);
  });
});
