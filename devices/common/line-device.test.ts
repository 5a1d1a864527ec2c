import { describe, expect, it, vi } from 'vitest';
import type { DeviceStatusBase } from './device';
import { LineDevice } from './line-device';
import type { Transport } from './transport';
import { createMemoryTransportPair } from '../transports/memory-transport';
import { RetargetableTransport } from '../transports/retargetable-transport';

type Event = { type: 'linkLost'; reason: string } | { type: 'ping' };

function lineOn(transport: Transport) {
  const data: Uint8Array[] = [];
  const lost = vi.fn();
  const line: LineDevice<DeviceStatusBase, Event> = new LineDevice<DeviceStatusBase, Event>({
    transport,
    initialStatus: { device: 'noDevice' },
    onData: (chunk) => data.push(chunk),
    onLinkLost: (reason) => {
      lost(reason);
      line.reportLinkLost(reason, { device: 'offline' });
    },
  });
  const events: Array<{ type: string }> = [];
  line.on((event) => events.push(event));
  return { line, data, lost, events };
}

describe('LineDevice', () => {
  it('emits statusChanged only when the compared part changes and keeps the last error', () => {
    const { host } = createMemoryTransportPair();
    const { line, events } = lineOn(host);
    line.setStatus({ device: 'offline', lastError: { description: 'x', at: 't' } });
    line.setStatus({ device: 'offline' });
    line.setStatus({ device: 'online' });
    expect(events.map((event) => event.type)).toEqual(['statusChanged', 'statusChanged']);
    expect(line.status()).toEqual({ device: 'online', lastError: { description: 'x', at: 't' } });
  });

  it('reports a lost link once with its reason, but not a close()', async () => {
    const { host, device } = createMemoryTransportPair();
    const { line, lost, events } = lineOn(host);
    line.listen();
    expect((await line.openTransport({ device: 'offline' })).code).toBe('success');
    await device.open();
    await device.close();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toEqual({ type: 'linkLost', reason: expect.any(String) });
    expect(line.status().device).toBe('offline');
    expect(line.status().lastError?.description).toMatch(/^link lost: /);

    await line.openTransport({ device: 'offline' });
    line.listen();
    await line.close({ device: 'noDevice' });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(line.status().device).toBe('noDevice');
  });

  it('fails with deviceNotReady and the reason when the transport cannot open', async () => {
    const { host } = createMemoryTransportPair();
    host.open = () => Promise.reject(new Error('port busy'));
    const { line } = lineOn(host);
    const result = await line.openTransport({ device: 'offline' });
    expect(result).toEqual({
      code: 'deviceNotReady',
      errorDescription: 'cannot open memory:host: port busy',
    });
    expect(line.status()).toMatchObject({
      device: 'offline',
      lastError: { description: 'cannot open link: port busy' },
    });
  });

  it('keeps receiving through a transport retargeted under it', async () => {
    const first = createMemoryTransportPair('first');
    const second = createMemoryTransportPair('second');
    const transport = new RetargetableTransport(first.host);
    const { line, data } = lineOn(transport);
    line.listen();
    await transport.retarget(second.host);
    await line.openTransport({ device: 'offline' });
    await second.device.open();
    await second.device.write(Uint8Array.of(7));
    await new Promise((resolve) => setImmediate(resolve));
    expect(data).toEqual([Uint8Array.of(7)]);
  });
});
