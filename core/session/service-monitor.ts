import {
  IN_SERVICE,
  OUT_OF_SERVICE_REASONS,
  type OutOfServiceReason,
  type ServiceStatus,
  type ServiceStatusSource,
} from '../common/service-status';

/** The journal as the monitor sees it (an AuditSink has this shape). */
export interface WritableJournal {
  writable?(): boolean;
  onWritableChange?(listener: (writable: boolean) => void): () => void;
}

/** The host link: a health round trip that rejects when the host cannot be reached. */
export interface ProbedHost {
  ping(signal?: AbortSignal): Promise<number>;
}

/** The device manager as the monitor sees it: slot names and their states. */
export interface WatchedDevices {
  snapshots(): ReadonlyArray<{ name: string; state: string }>;
  onChange(listener: (change: { snapshot: { name: string; state: string } }) => void): () => void;
}

export interface ServiceMonitorSettings {
  /** Time between host probes while in service. */
  hostProbeMs: number;
  /** Time between host probes while the host is unreachable (back in service sooner). */
  hostRetryMs: number;
  /** Failed probes in a row before the host counts as unreachable (one lost packet is not an outage). */
  hostFailuresToLeave: number;
  /** A probe not answered in this time counts as failed (a client that never settles). */
  hostProbeTimeoutMs: number;
  /** Device slots the kiosk cannot serve without. */
  requiredDevices: readonly string[];
  /** How long a required device may be down (a reconnect, a restart) before it counts. */
  deviceGraceMs: number;
}

export interface ServiceMonitorInputs {
  journal?: WritableJournal | null;
  host?: ProbedHost | null;
  devices?: WatchedDevices | null;
  settings?: Partial<ServiceMonitorSettings>;
  now?: () => Date;
  logger?: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

export const DEFAULT_SERVICE_SETTINGS: ServiceMonitorSettings = {
  hostProbeMs: 30_000,
  hostRetryMs: 5_000,
  hostFailuresToLeave: 2,
  hostProbeTimeoutMs: 10_000,
  requiredDevices: [],
  deviceGraceMs: 60_000,
};

/** States in which a device does not do its job. `busy`, `starting` and `userError` still serve. */
const DOWN_STATES: ReadonlySet<string> = new Set([
  'offline',
  'hardwareError',
  'noDevice',
  'powerOff',
  'fraudAttempt',
  'potentialFraud',
]);

/**
 * Decides whether the kiosk serves: the journal can be written, the host answers its health
 * probe, and every required device works (after a grace period). The one place this rule lives.
 */
export class ServiceMonitor implements ServiceStatusSource, Disposable {
  private readonly settings: ServiceMonitorSettings;
  private readonly now: () => Date;
  private readonly listeners = new Set<(status: ServiceStatus) => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private current: ServiceStatus = IN_SERVICE;
  private hostDown = false;
  private hostFailures = 0;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  /** A probe is on its way: another is not started beside it (one blip is one failure). */
  private probing = false;
  /** Asked for a probe while one ran: the next follows at once. */
  private probeAgain = false;
  private readonly probeAbort = new AbortController();
  /** Required devices that are down, and the timer that counts them once the grace is over. */
  private readonly downSince = new Map<string, ReturnType<typeof setTimeout> | 'counted'>();
  private stopped = false;

  constructor(private readonly inputs: ServiceMonitorInputs = {}) {
    this.settings = { ...DEFAULT_SERVICE_SETTINGS, ...inputs.settings };
    this.now = inputs.now ?? (() => new Date());
    const { journal, devices } = inputs;
    const unwatchJournal = journal?.onWritableChange?.(() => this.update());
    if (unwatchJournal) this.unsubscribers.push(unwatchJournal);
    if (devices) {
      for (const snapshot of devices.snapshots()) this.deviceState(snapshot.name, snapshot.state);
      this.unsubscribers.push(
        devices.onChange(({ snapshot }) => this.deviceState(snapshot.name, snapshot.state)),
      );
    }
    if (inputs.host) this.probeSoon(0);
    this.update();
  }

  status(): ServiceStatus {
    return this.current;
  }

  onChange(listener: (status: ServiceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Probe the host now (a participant's call just failed: no need to wait for the next round). */
  probeHostNow(): void {
    if (!this.inputs.host || this.stopped) return;
    if (this.probing) this.probeAgain = true;
    else this.probeSoon(0);
  }

  [Symbol.dispose](): void {
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.probeAbort.abort();
    if (this.probeTimer) clearTimeout(this.probeTimer);
    for (const timer of this.downSince.values()) if (timer !== 'counted') clearTimeout(timer);
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.listeners.clear();
  }

  private probeSoon(delayMs: number): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), delayMs);
    this.probeTimer.unref?.();
  }

  private async probe(): Promise<void> {
    this.probeTimer = null;
    this.probing = true;
    this.probeAgain = false;
    const reachable = await this.pingWithin(this.settings.hostProbeTimeoutMs);
    this.probing = false;
    if (this.stopped) return;
    if (reachable) {
      this.hostFailures = 0;
      this.hostDown = false;
    } else {
      this.hostFailures += 1;
      if (this.hostFailures >= this.settings.hostFailuresToLeave) this.hostDown = true;
    }
    this.update();
    // While failing (and while down), look again soon: the kiosk comes back as soon as the host does.
    if (this.probeAgain) this.probeSoon(0);
    else
      this.probeSoon(this.hostFailures > 0 ? this.settings.hostRetryMs : this.settings.hostProbeMs);
  }

  /** One ping, given up after `timeoutMs` whether or not the client honours the signal. */
  private async pingWithin(timeoutMs: number): Promise<boolean> {
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    this.probeAbort.signal.addEventListener('abort', stop);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        attempt.abort();
        resolve(false);
      }, timeoutMs);
    });
    try {
      return await Promise.race([
        this.inputs.host!.ping(attempt.signal).then(
          () => true,
          () => false,
        ),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
      this.probeAbort.signal.removeEventListener('abort', stop);
    }
  }

  private deviceState(name: string, state: string): void {
    if (!this.settings.requiredDevices.includes(name)) return;
    const down = DOWN_STATES.has(state);
    const known = this.downSince.get(name);
    if (down && known === undefined) {
      const timer = setTimeout(() => {
        this.downSince.set(name, 'counted');
        this.update();
      }, this.settings.deviceGraceMs);
      timer.unref?.();
      this.downSince.set(name, timer);
    } else if (!down && known !== undefined) {
      if (known !== 'counted') clearTimeout(known);
      this.downSince.delete(name);
      this.update();
    }
  }

  private update(): void {
    if (this.stopped) return;
    const devicesDown = [...this.downSince]
      .filter(([, timer]) => timer === 'counted')
      .map(([name]) => name)
      .sort();
    const holds: Record<OutOfServiceReason, boolean> = {
      journalUnwritable: this.inputs.journal?.writable?.() === false,
      hostUnreachable: this.hostDown,
      requiredDeviceDown: devicesDown.length > 0,
    };
    const reasons = OUT_OF_SERVICE_REASONS.filter((reason) => holds[reason]);
    const before = this.current;
    if (
      reasons.join() === before.reasons.join() &&
      devicesDown.join() === before.devicesDown.join()
    )
      return;
    this.current =
      reasons.length === 0
        ? IN_SERVICE
        : {
            inService: false,
            reasons,
            since: before.since ?? this.now().toISOString(),
            devicesDown,
          };
    if (this.current.inService !== before.inService)
      (this.current.inService ? this.inputs.logger?.info : this.inputs.logger?.warn)?.call(
        this.inputs.logger,
        { reasons: this.current.inService ? before.reasons : reasons, devicesDown },
        this.current.inService ? 'back in service' : 'out of service',
      );
    for (const listener of [...this.listeners]) listener(this.current);
  }
}
