import type { Completion, DeviceClass, DeviceStatusBase } from '../common/device';
import { ListenerSet } from '../transports/listener-set';
import type { DeviceName, DeviceSnapshot } from './device-snapshot';
import type { HealthCheck } from './health-check';

export type { HealthCheck } from './health-check';

/** What the manager needs of any driver (all four fit). */
export interface ManageableDriver {
  readonly deviceClass: DeviceClass;
  open(): Promise<Completion>;
  close(): Promise<void>;
  status(): DeviceStatusBase;
  capabilities(): object;
  on(listener: (event: { type: string }) => void): () => void;
}

export interface ReconnectTimings {
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface ManagedDeviceOptions<D extends ManageableDriver> {
  name: DeviceName;
  driverName: string;
  /** Read on every snapshot: a device moved to another port shows the new one. */
  transport: { readonly description: string };
  driver: D;
  reconnect: ReconnectTimings;
  /** Asked while online and idle; a failure is handled like a `linkLost` event. */
  healthCheck?: HealthCheck<D>;
  /** Event type -> counter name; e.g. `cardRead` -> `cardsRead`. */
  counters?: Record<string, string>;
  detail?: (driver: D) => string | undefined;
  log?: (message: string) => void;
}

/** The driver-independent side of a managed device. */
export interface DeviceHandle {
  readonly name: DeviceName;
  start(): Promise<void>;
  stop(): Promise<void>;
  reset(): Promise<Completion>;
  /** Closes the driver, runs `swap` (the link is changed there) and opens the driver again. */
  reopenWith(swap: () => Promise<void>): Promise<Completion>;
  count(counter: string, by?: number): void;
  onChange(listener: (snapshot: DeviceSnapshot) => void): () => void;
  snapshot(): DeviceSnapshot;
}

/**
 * One configured device: opens its driver, counts what technicians care about, and when the
 * link is lost (a `linkLost` event or a failed health check) reports `noDevice` and reopens it
 * with a doubling backoff until it is back. Drivers never reconnect by themselves.
 */
export class ManagedDevice<D extends ManageableDriver = ManageableDriver> implements DeviceHandle {
  readonly driver: D;
  private readonly counters: Record<string, number> = { linkLosses: 0, reconnects: 0 };
  private readonly changes = new ListenerSet<[DeviceSnapshot]>();
  private readonly offDriver: () => void;
  private reopening = false;
  private stopped = false;
  private wake: (() => void) | undefined;
  private healthTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when the driver is closed on purpose: a health check begun before is moot. */
  private epoch = 0;
  private lastSnapshotKey = '';

  constructor(private readonly options: ManagedDeviceOptions<D>) {
    this.driver = options.driver;
    for (const counter of Object.values(options.counters ?? {})) this.counters[counter] = 0;
    this.offDriver = this.driver.on((event) => this.onDriverEvent(event));
  }

  get name(): DeviceName {
    return this.options.name;
  }

  /** First open; a device that is not there yet is reopened in the background like a lost one. */
  async start(): Promise<void> {
    this.stopped = false;
    const result = await this.driver.open().catch((error: unknown) => ({
      code: 'hardwareError' as const,
      errorDescription: String(error),
    }));
    if (result.code !== 'success') {
      this.log(`${this.name}: not ready at start (${result.errorDescription}); will keep trying`);
      void this.reopenLoop();
    }
    this.scheduleHealthCheck();
    this.changed();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.epoch++;
    clearTimeout(this.healthTimer);
    this.healthTimer = undefined;
    this.wake?.();
    this.offDriver();
    await this.driver.close().catch(() => undefined);
  }

  /** Technician "reset": close and open again now. */
  reset(): Promise<Completion> {
    return this.reopenWith(async () => {});
  }

  async reopenWith(swap: () => Promise<void>): Promise<Completion> {
    this.epoch++;
    await this.driver.close().catch(() => undefined);
    await swap();
    const result = await this.driver.open().catch((error: unknown) => ({
      code: 'hardwareError' as const,
      errorDescription: String(error),
    }));
    if (result.code !== 'success') void this.reopenLoop();
    this.changed();
    return result;
  }

  count(counter: string, by = 1): void {
    this.counters[counter] = (this.counters[counter] ?? 0) + by;
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): () => void {
    return this.changes.add(listener);
  }

  snapshot(): DeviceSnapshot {
    const status = this.driver.status();
    return {
      name: this.name,
      deviceClass: this.driver.deviceClass,
      driver: this.options.driverName,
      transport: this.options.transport.description,
      state: this.reopening ? 'noDevice' : status.device,
      detail: this.options.detail?.(this.driver),
      capabilities: { ...this.driver.capabilities() },
      lastError: status.lastError,
      counters: { ...this.counters },
      reconnecting: this.reopening,
    };
  }

  private onDriverEvent(event: { type: string }): void {
    const counter = this.options.counters?.[event.type];
    if (counter) this.count(counter);
    if (event.type === 'linkLost') this.linkLost('link lost');
    this.changed();
  }

  private linkLost(why: string): void {
    // A link that drops again during a reopen attempt is the outage already counted.
    if (this.reopening || this.stopped) return;
    this.count('linkLosses');
    this.log(`${this.name}: ${why}`);
    void this.reopenLoop();
  }

  private scheduleHealthCheck(): void {
    const health = this.options.healthCheck;
    if (!health || health.intervalMs <= 0 || this.stopped || this.healthTimer) return;
    this.healthTimer = setTimeout(() => void this.runHealthCheck(health), health.intervalMs);
    this.healthTimer.unref?.();
  }

  private async runHealthCheck(health: HealthCheck<D>): Promise<void> {
    this.healthTimer = undefined;
    const due =
      !this.stopped &&
      !this.reopening &&
      this.driver.status().device === 'online' &&
      (health.idle?.(this.driver) ?? true);
    if (due) {
      const epoch = this.epoch;
      const result = await health.check(this.driver).catch((error: unknown) => ({
        code: 'hardwareError' as const,
        errorDescription: String(error),
      }));
      // A driver that noticed the loss itself (`linkLost`) is already being reopened, and
      // linkLost() counts that outage once.
      if (result.code !== 'success' && epoch === this.epoch) {
        this.linkLost(`health check failed (${result.errorDescription})`);
        this.changed();
      }
    }
    this.scheduleHealthCheck();
  }

  private async reopenLoop(): Promise<void> {
    if (this.reopening || this.stopped) return;
    this.reopening = true;
    this.changed();
    let delay = this.options.reconnect.initialDelayMs;
    try {
      while (!this.stopped) {
        await this.sleep(delay);
        if (this.stopped) return;
        // open() again on the same driver: a lost link is already closed, and closing a link
        // that is open but silent would unplug an in-memory peer that has just come back.
        const result = await this.driver.open().catch(() => ({ code: 'hardwareError' as const }));
        if (result.code === 'success') {
          this.count('reconnects');
          this.log(`${this.name}: back online`);
          return;
        }
        delay = Math.min(delay * 2, this.options.reconnect.maxDelayMs);
      }
    } finally {
      this.reopening = false;
      this.changed();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private changed(): void {
    const snapshot = this.snapshot();
    const key = JSON.stringify([snapshot.state, snapshot.detail, snapshot.reconnecting]);
    if (key === this.lastSnapshotKey) return;
    this.lastSnapshotKey = key;
    this.changes.emit(snapshot);
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
