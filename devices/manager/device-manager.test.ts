import { afterEach, describe, expect, it, vi } from 'vitest';
import { statusByte } from '../printer/escpos-status';
import { createMemoryTransportPair, type MemoryTransport } from '../transports/memory-transport';
import type { DevicesConfig } from './device-config';
import { DeviceManager } from './device-manager';
import type { DeviceSnapshot } from './device-snapshot';

/** The least a printer must do to be found: answer every DLE EOT n with "all fine". */
function fakePrinter(device: MemoryTransport, paperByte = 0): void {
  device.onData((data) => {
    for (let i = 0; i < data.length; i++)
      if (data[i] === 0x10 && data[i + 1] === 0x04) {
        const n = data[i + 2];
        void device.write(Uint8Array.of(statusByte(n === 4 ? paperByte : 0)));
      }
  });
}

const PRINTER: DevicesConfig = {
  printer: { driver: 'escpos', transport: { type: 'tcp', host: 'memory', port: 9100 } },
  reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
};

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.stop();
  vi.useRealTimers();
});

/** Under fake timers: runs the clock in small steps until `work` settles (at most `limitMs`). */
async function inVirtualTime<T>(work: Promise<T>, limitMs = 10_000): Promise<T> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let spent = 0; !settled && spent < limitMs; spent += 10)
    await vi.advanceTimersByTimeAsync(10);
  return work;
}

function managerOver(host: MemoryTransport, config: DevicesConfig = PRINTER): DeviceManager {
  const manager = new DeviceManager(config, {
    transportFactory: () => host,
    statusTimeoutMs: 200,
    printerPollIntervalMs: 0,
  });
  managers.push(manager);
  return manager;
}

function nextState(manager: DeviceManager, state: string, timeoutMs = 5000): Promise<number> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ${state} in time`)), timeoutMs);
    const off = manager.onChange(({ snapshot }) => {
      if (snapshot.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(Date.now() - start);
    });
  });
}

describe('DeviceManager', () => {
  it('opens a configured printer and reports it online with capabilities and counters', async () => {
    const { host, device } = createMemoryTransportPair();
    await device.open();
    fakePrinter(device);
    const manager = managerOver(host);
    await manager.start();
    const snapshot = manager.snapshot('printer') as DeviceSnapshot;
    expect(snapshot).toMatchObject({
      name: 'printer',
      deviceClass: 'receiptPrinter',
      driver: 'escpos',
      state: 'online',
      reconnecting: false,
      counters: { linkLosses: 0, reconnects: 0, paperLowEvents: 0 },
    });
    expect(snapshot.capabilities).toMatchObject({ commandLanguage: 'esc-pos', columns: 42 });
    expect(manager.names()).toEqual(['printer']);
  });

  it('an unplugged printer goes noDevice and is back online within 2 s of its return', async () => {
    // Virtual time: a long absence costs no real time, and the 2 s bound is exact.
    vi.useFakeTimers();
    const { host, device } = createMemoryTransportPair();
    await device.open();
    fakePrinter(device);
    const manager = managerOver(host);
    await inVirtualTime(manager.start());
    expect(manager.snapshot('printer')!.state).toBe('online');

    const gone = nextState(manager, 'noDevice');
    await device.close(); // cable pulled
    await inVirtualTime(gone);
    expect(manager.snapshot('printer')).toMatchObject({ state: 'noDevice', reconnecting: true });
    // Ten seconds away: without the 1 s ceiling the doubling backoff (100, 200, 400 ... ms)
    // would be in a 6.4 s wait by now and miss the bound below.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(manager.snapshot('printer')).toMatchObject({ state: 'noDevice', reconnecting: true });

    // The bound is the requirement: back within 2 s of the printer's return.
    const back = nextState(manager, 'online', 2000);
    await device.open(); // plugged back in
    expect(await inVirtualTime(back)).toBeLessThanOrEqual(2000);
    const snapshot = manager.snapshot('printer')!;
    expect(snapshot.reconnecting).toBe(false);
    expect(snapshot.counters).toMatchObject({ linkLosses: 1, reconnects: 1 });
    expect(snapshot.lastError?.description).toBeTruthy();
  });

  it('a printer missing at start is found when it appears', async () => {
    const { host, device } = createMemoryTransportPair();
    fakePrinter(device);
    const manager = managerOver(host);
    await manager.start();
    expect(manager.snapshot('printer')!.state).toBe('noDevice');
    const back = nextState(manager, 'online', 3000);
    await device.open();
    await back;
  });

  it('counts receipts printed and paper-low events', async () => {
    const { host, device } = createMemoryTransportPair();
    await device.open();
    fakePrinter(device, 0x0c); // DLE EOT 4: paper near end
    const manager = managerOver(host);
    await manager.start();
    const result = await manager.printer!.print({
      name: 'test',
      elements: [{ kind: 'text', text: 'hello' }, { kind: 'cut' }],
    });
    expect(result.code).toBe('success');
    expect(manager.snapshot('printer')!.counters).toMatchObject({
      receiptsPrinted: 1,
      paperLowEvents: 1,
    });
    expect(manager.snapshot('printer')!.detail).toContain('paper low');
  });

  it('emits a status change when a device changes state', async () => {
    const { host, device } = createMemoryTransportPair();
    await device.open();
    fakePrinter(device);
    const manager = managerOver(host);
    const states: string[] = [];
    manager.onChange(({ snapshot }) => states.push(snapshot.state));
    await manager.start();
    await device.close();
    await expect.poll(() => states.at(-1)).toBe('noDevice');
    expect(states).toContain('online');
  });

  it('reset on an unconfigured device says so', async () => {
    const manager = new DeviceManager({});
    managers.push(manager);
    expect(await manager.reset('cardReader')).toMatchObject({ code: 'deviceNotReady' });
    expect(manager.snapshots()).toEqual([]);
  });
});
