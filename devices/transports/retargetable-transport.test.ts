import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from './memory-transport';
import { RetargetableTransport } from './retargetable-transport';

describe('RetargetableTransport', () => {
  it('delivers bytes from the current link only, and keeps its listeners across a retarget', async () => {
    const first = createMemoryTransportPair();
    const second = createMemoryTransportPair();
    const link = new RetargetableTransport(first.host);
    const received: string[] = [];
    const losses: Array<string | undefined> = [];
    link.onData((data) => received.push(Buffer.from(data).toString()));
    link.onClose((error) => losses.push(error?.message));
    await Promise.all([link.open(), first.device.open(), second.device.open()]);

    await first.device.write(Buffer.from('a'));
    await new Promise((resolve) => setImmediate(resolve));
    await link.retarget(second.host);
    expect(losses).toEqual([]); // closing the old link on purpose is not a loss
    await link.open();
    expect(link.description).toBe(second.host.description);
    await first.device.write(Buffer.from('stale')).catch(() => undefined);
    await second.device.write(Buffer.from('b'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual(['a', 'b']);

    await second.device.close(); // the new link's cable pulled
    expect(losses).toHaveLength(1);
  });

  it('writes go to the link in use now', async () => {
    const first = createMemoryTransportPair();
    const second = createMemoryTransportPair();
    const link = new RetargetableTransport(first.host);
    const seen: string[] = [];
    second.device.onData((data) => seen.push(Buffer.from(data).toString()));
    await Promise.all([second.device.open(), link.retarget(second.host)]);
    await link.open();
    await link.write(Buffer.from('hello'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['hello']);
    expect(link.target).toBe(second.host);
  });
});
