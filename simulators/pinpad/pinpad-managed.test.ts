import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import { PIN_PAD_HEALTH_CHECK_MS } from '../../devices/pinpad/pinpad-health-check';
import { SerialPinPad } from '../../devices/pinpad/serial-pinpad';
import { createMemoryTransportPair, type MemoryTransport } from '../../devices/transports';
import { PinPadSimulator } from './pinpad-simulator';

// The pin pad as the kiosk runs it: under the DeviceManager, whose ManagedDevice alone notices
// a dead pad (health check) and reopens it (backoff). Virtual time: every bound is exact.

let device: MemoryTransport;
let sim: PinPadSimulator;
let manager: DeviceManager;
let hostOpens: number;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const snapshot = (): DeviceSnapshot => manager.snapshot('pinPad')!;

/** Runs virtual time in 10 ms steps until `condition` holds; returns the time it took. */
async function advanceUntil(
  condition: () => boolean,
  start: () => unknown = () => undefined,
  limitMs = 30_000,
): Promise<number> {
  const from = Date.now();
  void start();
  while (!condition()) {
    if (Date.now() - from > limitMs) throw new Error(`not met within ${limitMs} ms`);
    await vi.advanceTimersByTimeAsync(10);
  }
  return Date.now() - from;
}

async function typesAnEntry(): Promise<void> {
  const entry = manager.pinPad!.dataEntry({ maxLength: 3, timeoutMs: 5000 });
  await advanceUntil(() => sim.mode === 'plain');
  sim.type('123');
  await vi.advanceTimersByTimeAsync(10);
  expect(await entry).toEqual({
    code: 'success',
    value: { digits: '123', terminatedBy: 'maxLength' },
  });
}

describe('pin pad under the device manager', () => {
  beforeEach(async () => {
    const pair = createMemoryTransportPair('pinpad');
    device = pair.device;
    const host = pair.host;
    hostOpens = 0;
    const open = host.open.bind(host);
    host.open = () => {
      hostOpens++;
      return open();
    };
    sim = new PinPadSimulator(device);
    await sim.start();
    manager = new DeviceManager(
      {
        pinPad: { driver: 'serial-pinpad', transport: { type: 'tcp', host: 'memory', port: 1 } },
        reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
      },
      { transportFactory: () => host },
    );
    await advanceUntil(
      () => snapshot().state === 'online',
      () => manager.start(),
    );
  });

  afterEach(async () => {
    await manager.stop();
    await sim.stop();
  });

  it('a pad that stops answering is found by the health check and reopened when it answers', async () => {
    sim.faults.silent = true;
    // One interval to the check, then the pad's 1 s command timeout.
    const noticedMs = await advanceUntil(() => snapshot().reconnecting);
    expect(noticedMs).toBeLessThanOrEqual(PIN_PAD_HEALTH_CHECK_MS + 1000 + 10);
    expect(snapshot()).toMatchObject({ state: 'noDevice', counters: { linkLosses: 1 } });
    expect(snapshot().lastError?.description).toBe('no answer');

    // Still silent for a while: the manager keeps trying (hello), the pad never retries itself.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(snapshot()).toMatchObject({ state: 'noDevice', reconnecting: true });

    sim.faults.silent = false;
    // Backoff ceiling 1 s plus one hello.
    expect(await advanceUntil(() => snapshot().state === 'online')).toBeLessThanOrEqual(2000);
    expect(snapshot()).toMatchObject({
      reconnecting: false,
      counters: { linkLosses: 1, reconnects: 1 },
    });
    await typesAnEntry();
  });

  it('a pad that keeps answering is never reported lost', async () => {
    await vi.advanceTimersByTimeAsync(PIN_PAD_HEALTH_CHECK_MS * 6);
    expect(sim.received.commands).toBeGreaterThanOrEqual(6); // hello + status questions
    expect(snapshot()).toMatchObject({
      state: 'online',
      counters: { linkLosses: 0, reconnects: 0 },
    });
  });

  it('is not asked for its status during an entry', async () => {
    const before = sim.received.commands;
    const entry = manager.pinPad!.dataEntry({ maxLength: 3, timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(PIN_PAD_HEALTH_CHECK_MS * 4);
    expect(sim.received.commands).toBe(before + 1); // the dataEntry command only
    sim.type('123');
    await vi.advanceTimersByTimeAsync(10);
    expect((await entry).code).toBe('success');
  });

  it('unplugged mid-entry and plugged back: the entry fails, the manager brings it back', async () => {
    const entry = manager.pinPad!.dataEntry({ maxLength: 6, timeoutMs: 5000 });
    await advanceUntil(() => sim.mode === 'plain');
    sim.type('12');
    await device.close(); // cable pulled
    expect(await entry).toMatchObject({ code: 'hardwareError' });
    await advanceUntil(() => snapshot().reconnecting);
    expect(snapshot()).toMatchObject({ state: 'noDevice', counters: { linkLosses: 1 } });

    await vi.advanceTimersByTimeAsync(10_000);
    await device.open(); // plugged back in
    expect(await advanceUntil(() => snapshot().state === 'online')).toBeLessThanOrEqual(2000);
    expect(snapshot().counters).toMatchObject({ linkLosses: 1, reconnects: 1 });
    await typesAnEntry();
  });

  it('a stopped manager never reopens the pad', async () => {
    await device.close();
    await advanceUntil(() => snapshot().reconnecting);
    await manager.stop();
    const opens = hostOpens;
    await device.open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(hostOpens).toBe(opens);
    expect(manager.pinPad!.status().device).toBe('noDevice');
  });
});

describe('pin pad driver alone', () => {
  it('never reopens itself or pings: only a manager does', async () => {
    const pair = createMemoryTransportPair('bare-pinpad');
    const bareSim = new PinPadSimulator(pair.device);
    await bareSim.start();
    const pad = new SerialPinPad(pair.host, { commandTimeoutMs: 1000 });
    const opened = pad.open();
    await vi.advanceTimersByTimeAsync(10);
    expect((await opened).code).toBe('success');
    const commands = bareSim.received.commands;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bareSim.received.commands).toBe(commands); // no status questions of its own

    await pair.device.close(); // cable pulled
    expect(pad.status().device).toBe('offline');
    await pair.device.open(); // and plugged back
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pad.status().device).toBe('offline');
    expect(pair.host.isOpen).toBe(false);
    await pad.close();
    await bareSim.stop();
  });
});
