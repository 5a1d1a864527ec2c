import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Completion, DeviceState } from '../common/device';
import { failure, success } from '../common/device';
import { ListenerSet } from '../transports/listener-set';
import { ManagedDevice, type HealthCheck, type ManageableDriver } from './managed-device';

/** A driver whose presence, answering and busyness the test sets; it never reopens itself. */
class FakeDriver implements ManageableDriver {
  readonly deviceClass = 'pinPad' as const;
  present = true;
  answering = true;
  busy = false;
  /** Virtual times of open() calls. */
  readonly opens: number[] = [];
  checks = 0;
  /** Set while a check is waiting for its answer (a check that takes time). */
  answerCheck: ((result: Completion) => void) | undefined;
  private state: DeviceState = 'noDevice';
  private readonly events = new ListenerSet<[{ type: string }]>();

  async open(): Promise<Completion> {
    this.opens.push(Date.now());
    this.set(this.present ? 'online' : 'noDevice');
    return this.present ? success(undefined) : failure('deviceNotReady', 'not there');
  }
  async close(): Promise<void> {
    this.set('noDevice');
  }
  status() {
    return { device: this.state };
  }
  capabilities() {
    return {};
  }
  on(listener: (event: { type: string }) => void): () => void {
    return this.events.add(listener);
  }
  ping(): Promise<Completion> {
    this.checks++;
    if (!this.answering) return Promise.resolve(failure('hardwareError', 'no answer'));
    return new Promise((resolve) => (this.answerCheck = resolve));
  }
  unplug(): void {
    this.present = false;
    this.set('offline');
    this.events.emit({ type: 'linkLost' });
  }
  private set(state: DeviceState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.emit({ type: 'statusChanged' });
  }
}

const HEALTH: HealthCheck<FakeDriver> = {
  intervalMs: 5000,
  check: (driver) => driver.ping(),
  idle: (driver) => !driver.busy,
};

let driver: FakeDriver;
let device: ManagedDevice<FakeDriver>;

function manage(healthCheck?: HealthCheck<FakeDriver>): ManagedDevice<FakeDriver> {
  device = new ManagedDevice({
    name: 'pinPad',
    driverName: 'fake',
    transport: { description: 'fake' },
    driver,
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
    healthCheck,
  });
  return device;
}

/** Answers every check that is waiting, as a pad that is there would. */
function answerChecks(): void {
  const answer = driver.answerCheck;
  driver.answerCheck = undefined;
  answer?.(success(undefined));
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  driver = new FakeDriver();
});

afterEach(async () => {
  await device?.stop();
  vi.useRealTimers();
});

describe('ManagedDevice reopening', () => {
  it('reopens a lost driver with a doubling backoff up to the ceiling, then counts it back', async () => {
    await manage().start();
    driver.opens.length = 0;
    const lostAt = Date.now();
    driver.unplug();
    expect(device.snapshot()).toMatchObject({ state: 'noDevice', reconnecting: true });

    await vi.advanceTimersByTimeAsync(4400); // attempts at 100, 300, 700, 1500, 2500, 3500
    const gaps = driver.opens.map((at, i) => at - (i === 0 ? lostAt : driver.opens[i - 1]!));
    expect(gaps).toEqual([100, 200, 400, 800, 1000, 1000]);

    driver.present = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(device.snapshot()).toMatchObject({
      state: 'online',
      reconnecting: false,
      counters: { linkLosses: 1, reconnects: 1 },
    });
  });

  it('counts one outage when the link drops again while it is being reopened', async () => {
    await manage().start();
    driver.unplug();
    await vi.advanceTimersByTimeAsync(150);
    driver.unplug(); // an attempt's half-open link dropping again
    driver.present = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(device.snapshot()).toMatchObject({
      state: 'online',
      counters: { linkLosses: 1, reconnects: 1 },
    });
  });

  it('keeps trying a driver that is not there at start', async () => {
    driver.present = false;
    await manage().start();
    expect(device.snapshot()).toMatchObject({ state: 'noDevice', reconnecting: true });
    driver.present = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(device.snapshot()).toMatchObject({ state: 'online', reconnecting: false });
  });

  it('once stopped, never reopens and never checks again', async () => {
    await manage(HEALTH).start();
    driver.unplug();
    await device.stop();
    const opens = driver.opens.length;
    driver.present = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(driver.opens.length).toBe(opens);
    expect(driver.checks).toBe(0);
  });
});

describe('ManagedDevice health check', () => {
  it('asks an online, idle driver every interval and leaves a healthy one alone', async () => {
    await manage(HEALTH).start();
    for (let round = 1; round <= 3; round++) {
      await vi.advanceTimersByTimeAsync(5000);
      expect(driver.checks).toBe(round);
      answerChecks();
    }
    expect(device.snapshot()).toMatchObject({
      state: 'online',
      counters: { linkLosses: 0, reconnects: 0 },
    });
  });

  it('does not ask while the driver is busy, and never starts a second check over a slow one', async () => {
    await manage(HEALTH).start();
    driver.busy = true;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(driver.checks).toBe(0);
    driver.busy = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(driver.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000); // the first has not been answered yet
    expect(driver.checks).toBe(1);
    answerChecks();
    await vi.advanceTimersByTimeAsync(5000);
    expect(driver.checks).toBe(2);
  });

  it('a failed check counts as a lost link: reopened with the backoff, then checked again', async () => {
    await manage(HEALTH).start();
    driver.answering = false;
    driver.opens.length = 0;
    await vi.advanceTimersByTimeAsync(5000);
    expect(device.snapshot()).toMatchObject({
      state: 'noDevice',
      reconnecting: true,
      counters: { linkLosses: 1 },
    });

    driver.answering = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(driver.opens).toEqual([5100]);
    expect(device.snapshot()).toMatchObject({
      state: 'online',
      reconnecting: false,
      counters: { linkLosses: 1, reconnects: 1 },
    });
    const checks = driver.checks;
    await vi.advanceTimersByTimeAsync(5000);
    expect(driver.checks).toBe(checks + 1);
  });

  it('does not check a driver that is offline or being reopened', async () => {
    await manage(HEALTH).start();
    driver.unplug();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(driver.checks).toBe(0);
    expect(device.snapshot().counters).toMatchObject({ linkLosses: 1 });
  });

  it('counts one loss when the driver itself reports the link lost during the check', async () => {
    await manage({
      ...HEALTH,
      check: async (d) => {
        d.unplug(); // the pin pad emits linkLost when its status question goes unanswered
        return failure('hardwareError', 'no answer');
      },
    }).start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(device.snapshot()).toMatchObject({ reconnecting: true, counters: { linkLosses: 1 } });
  });

  it('a check cut short by a technician reset is not a lost link', async () => {
    await manage(HEALTH).start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(driver.answerCheck).toBeDefined();
    const reset = device.reset();
    // Closing the driver fails what it had in flight, the check among it.
    driver.answerCheck!(failure('hardwareError', 'link closed'));
    expect((await reset).code).toBe('success');
    await vi.advanceTimersByTimeAsync(0);
    expect(device.snapshot()).toMatchObject({
      state: 'online',
      reconnecting: false,
      counters: { linkLosses: 0 },
    });
  });
});
