import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceStatus } from '../common/service-status';
import { ServiceMonitor, type WatchedDevices } from './service-monitor';

class Host {
  up = true;
  pings = 0;
  async ping() {
    this.pings += 1;
    if (!this.up) throw new Error('ECONNREFUSED');
    return 3;
  }
}

class Journal {
  ok = true;
  private listener: ((w: boolean) => void) | null = null;
  writable() {
    return this.ok;
  }
  onWritableChange(listener: (w: boolean) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  set(ok: boolean) {
    this.ok = ok;
    this.listener?.(ok);
  }
}

class Devices implements WatchedDevices {
  states = new Map<string, string>([
    ['printer', 'online'],
    ['scanner', 'online'],
  ]);
  private listener: ((c: { snapshot: { name: string; state: string } }) => void) | null = null;
  snapshots() {
    return [...this.states].map(([name, state]) => ({ name, state }));
  }
  onChange(listener: (c: { snapshot: { name: string; state: string } }) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  set(name: string, state: string) {
    this.states.set(name, state);
    this.listener?.({ snapshot: { name, state } });
  }
}

const settings = {
  hostProbeMs: 30_000,
  hostRetryMs: 5_000,
  hostFailuresToLeave: 2,
  requiredDevices: ['printer'],
  deviceGraceMs: 60_000,
};

describe('ServiceMonitor', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-04T02:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  function start(parts: { host?: Host; journal?: Journal; devices?: Devices } = {}) {
    const monitor = new ServiceMonitor({ ...parts, settings });
    const changes: ServiceStatus[] = [];
    monitor.onChange((s) => changes.push(s));
    return { monitor, changes };
  }

  it('is in service with nothing to watch', () => {
    expect(new ServiceMonitor().status()).toMatchObject({ inService: true, reasons: [] });
  });

  it('leaves service after two failed host probes in a row, and returns on the first answer', async () => {
    const host = new Host();
    const { monitor, changes } = start({ host });
    await vi.advanceTimersByTimeAsync(0);
    expect(host.pings).toBe(1);
    host.up = false;
    await vi.advanceTimersByTimeAsync(30_000);
    // One failure is not an outage: a lost packet must not turn people away.
    expect(monitor.status().inService).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(monitor.status()).toMatchObject({
      inService: false,
      reasons: ['hostUnreachable'],
      since: '2026-12-04T02:00:35.000Z',
    });
    // While out, the host is asked every 5 s, so the kiosk is back soon after the host.
    host.up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(monitor.status()).toMatchObject({ inService: true, reasons: [], since: null });
    expect(changes.map((c) => c.inService)).toEqual([false, true]);
    monitor.stop();
  });

  it('a single failed probe between good ones changes nothing', async () => {
    const host = new Host();
    const { changes } = start({ host });
    await vi.advanceTimersByTimeAsync(0);
    host.up = false;
    await vi.advanceTimersByTimeAsync(30_000);
    host.up = true;
    await vi.advanceTimersByTimeAsync(5_000 + 30_000 * 3);
    expect(changes).toEqual([]);
  });

  it('follows the journal at once', () => {
    const journal = new Journal();
    const { monitor, changes } = start({ journal });
    journal.set(false);
    expect(monitor.status().reasons).toEqual(['journalUnwritable']);
    journal.set(true);
    expect(changes.map((c) => c.reasons)).toEqual([['journalUnwritable'], []]);
  });

  it('counts a required device only after its grace period, and ignores the others', async () => {
    const devices = new Devices();
    const { monitor } = start({ devices });
    devices.set('scanner', 'noDevice');
    devices.set('printer', 'offline');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(monitor.status().inService).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(monitor.status()).toMatchObject({
      inService: false,
      reasons: ['requiredDeviceDown'],
      devicesDown: ['printer'],
    });
    devices.set('printer', 'busy');
    expect(monitor.status().inService).toBe(true);
  });

  it('a required device back within its grace never takes the kiosk out of service', async () => {
    const devices = new Devices();
    const { changes } = start({ devices });
    devices.set('printer', 'noDevice');
    await vi.advanceTimersByTimeAsync(30_000);
    devices.set('printer', 'online');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(changes).toEqual([]);
  });

  it('a required device missing from the start counts once its grace is over', async () => {
    const devices = new Devices();
    devices.states.set('printer', 'noDevice');
    const { monitor } = start({ devices });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(monitor.status().devicesDown).toEqual(['printer']);
  });

  it('names every reason that holds, keeps the first moment it went out, and stops probing when stopped', async () => {
    const host = new Host();
    const journal = new Journal();
    const { monitor } = start({ host, journal });
    await vi.advanceTimersByTimeAsync(0);
    journal.set(false);
    const since = monitor.status().since;
    host.up = false;
    await vi.advanceTimersByTimeAsync(35_000);
    expect(monitor.status()).toMatchObject({
      reasons: ['hostUnreachable', 'journalUnwritable'],
      since,
    });
    monitor.stop();
    const pings = host.pings;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.pings).toBe(pings);
  });
});

describe('ServiceMonitor probes', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-04T02:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('a failed call that asks for a probe while one runs does not count one blip twice', async () => {
    let answer: (ok: boolean) => void = () => {};
    let inFlight = 0;
    const host = {
      ping: () => {
        inFlight += 1;
        return new Promise<number>((resolve, reject) => {
          answer = (ok) => {
            inFlight -= 1;
            if (ok) resolve(1);
            else reject(new Error('blip'));
          };
        });
      },
    };
    const monitor = new ServiceMonitor({ host, settings });
    await vi.advanceTimersByTimeAsync(0);
    monitor.probeHostNow(); // a participant's call just timed out
    monitor.probeHostNow();
    expect(inFlight).toBe(1);
    answer(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(inFlight).toBe(1); // the probe asked for meanwhile, at once, alone
    answer(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.status().inService).toBe(true);
    monitor.stop();
  });

  it('a host client whose ping never settles counts as unreachable', async () => {
    const host = { ping: () => new Promise<number>(() => {}) };
    const monitor = new ServiceMonitor({
      host,
      settings: { ...settings, hostProbeTimeoutMs: 3_000 },
    });
    await vi.advanceTimersByTimeAsync(3_000 + 5_000 + 3_000);
    expect(monitor.status().reasons).toEqual(['hostUnreachable']);
    monitor.stop();
  });
});
