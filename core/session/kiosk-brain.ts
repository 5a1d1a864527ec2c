import { createActor, type Actor, type InspectionEvent } from 'xstate';
import {
  DEFAULT_BRANDING,
  type DeviceReadiness,
  type Intent,
  type KioskApi,
  type Language,
  type SessionView,
} from '../common/api';
import { DEFAULT_TIME_ZONE } from '../common/domain/format';
import type { Logger } from '../log/logger';
import { IdleTimer } from './idle-timer';
import { sessionMachine, type SessionMachine } from './session-machine';
import type { SessionMachineDeps } from './session-context';
import type { SessionEvent } from './session-events';
import { currentStep, type CurrentStep } from './current-step';
import type { JournalEvent, SessionFact } from './session-facts';
import { toSessionView } from './session-view';
import { SessionAuditor, type AuditSink } from './session-audit';
import { TechnicianMode, type TechnicianSettings } from '../technician/technician-mode';
import type { TechnicianPort } from '../technician/technician-port';
import type { PortSetup } from '../technician/port-setup';
import type { ServiceStatus, ServiceStatusSource } from '../common/service-status';
import { ServiceMonitor } from './service-monitor';
import { ScreenSleep } from './screen-sleep';

export interface KioskBrainOptions extends SessionMachineDeps {
  terminalId: string;
  defaultLanguage: Language;
  idleTimeoutMs: number;
  idleWarningMs: number;
  logger: Logger;
  /** The journal; views that report an audited step are published only once it is durable. */
  audit?: AuditSink;
  technician?: { settings: TechnicianSettings; port: TechnicianPort | null; portSetup?: PortSetup };
  /** The ATM's function display keys and the key each stands for (fdk-layout.ts). None if absent. */
  fdks?: SessionView['fdks'];
  /** The ATM profile: a tone for each PIN digit. */
  keyTones?: boolean;
  /** Configured card reader / scanner: the start screen says they can be used. None if absent. */
  identifyBy?: SessionView['identifyBy'];
  /**
   * Whether the kiosk may serve (service-monitor.ts). Default: a monitor of the journal alone.
   * The brain stops it when it was given one it made itself.
   */
  service?: ServiceStatusSource;
}

/** Out of service: nobody is served, keys and cards do nothing. */
const NOBODY_SERVED: SessionView['step'] = { takesKeys: false, identifying: false, resting: true };
/** Dark outside opening hours: any key or touch lights the screen; a card or scan is read. */
const DARK: SessionView['step'] = { takesKeys: true, identifying: true, resting: true };
/** A technician is at the kiosk: the participant flow takes no keys or cards meanwhile. */
const TECHNICIAN_STEP: SessionView['step'] = {
  takesKeys: false,
  identifying: false,
  resting: false,
};

/** Events from a device, not a touch or key: they wake a dark screen and go on (a card is in). */
const DEVICE_EVENTS = new Set([
  'kpjCaptured',
  'bankCardInserted',
  'identificationRejected',
  'technicianCard',
]);

/** Events that begin a session from a resting step; refused there while out of service. */
const SESSION_STARTS = new Set(['start', 'enter', 'kpjCaptured', 'bankCardInserted']);

/**
 * Runs the session flow and turns it into the kiosk API: intents in, view snapshots out. One
 * brain serves one screen; shells (Electron, web) bind it to their transport.
 */
export class KioskBrain implements KioskApi {
  private readonly actor: Actor<SessionMachine>;
  private readonly idle: IdleTimer;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private devices: DeviceReadiness;
  private readonly unsubscribePrinter: () => void;
  private readonly unsubscribeService: () => void;
  private readonly service: ServiceStatusSource;
  /** A monitor the brain made itself (no `service` given): stopped with the brain. */
  private readonly ownService: ServiceMonitor | null;
  private serviceBefore: ServiceStatus;
  private readonly sleep: ScreenSleep;
  private seq = 0;
  private current: SessionView;
  private lastScreen: string = 'attract';
  private readonly auditor = new SessionAuditor();
  /** What the machines emitted for the journal since the last view went out. */
  private facts: SessionFact[] = [];
  /** Inside `dispatch`: the machines settle before one view goes out. */
  private dispatching = false;
  private readonly technician: TechnicianMode | null;
  /** Keeps views in order while some wait for their audit records to be flushed. */
  private pending: Promise<void> | null = null;

  constructor(private readonly options: KioskBrainOptions) {
    this.idle = new IdleTimer(
      options.idleTimeoutMs,
      () => this.publish(),
      () => this.expire(),
    );
    this.sleep = new ScreenSleep(options.idleTimeoutMs, () => this.publish());
    const printer = options.receipts.printer;
    this.devices = printer ? printer.readiness() : { printer: 'absent' };
    this.unsubscribePrinter =
      printer?.onReadinessChange(() => this.setDevices(printer.readiness())) ?? (() => {});
    this.technician = options.technician
      ? new TechnicianMode(options.technician.settings, {
          port: options.technician.port,
          portSetup: options.technician.portSetup,
          audit: options.audit,
          logger: options.logger,
          now: options.now,
          onChange: () => this.publish(),
        })
      : null;
    this.ownService = options.service ? null : new ServiceMonitor({ journal: options.audit });
    const service = options.service ?? this.ownService!;
    this.service = service;
    this.serviceBefore = service.status();
    this.actor = createActor(sessionMachine, {
      input: {
        deps: { ...options, inService: () => service.status().inService },
        defaultLanguage: options.defaultLanguage,
      },
      inspect: (event) => this.inspect(event),
    });
    this.actor.on('journal', (event) => this.facts.push(event.fact));
    this.current = this.render();
    this.actor.subscribe(() => this.onChange());
    this.actor.start();
    this.unsubscribeService = this.service.onChange((status) => this.onServiceChange(status));
  }

  send(intent: Intent): void {
    this.dispatch(intent);
  }

  private step(): CurrentStep {
    return currentStep(this.actor.getSnapshot());
  }

  /** Device and other in-process sources feed the flow through here (e.g. a swiped KPJ card). */
  dispatch(event: SessionEvent): void {
    // A touch or a key on a dark screen only lights it: nobody meant to press what is not shown.
    if (this.sleep.dark() && this.step().has('vacant') && !this.technician?.active) {
      this.sleep.wake();
      if (!DEVICE_EVENTS.has(event.type)) return;
    } else if (this.step().has('resting')) this.sleep.wake();
    if (this.technician) {
      if (this.technician.active) {
        if (this.technician.takes(event)) this.technician.handle(event as Intent);
        return;
      }
      if (event.type === 'cornerTap') {
        if (this.step().has('vacant')) this.technician.cornerTap(event.corner);
        return;
      }
      if (event.type === 'technicianCard') {
        if (this.step().has('vacant')) this.technician.cardEntry(event.cardTail);
        return;
      }
    }
    if (event.type === 'technicianCard') return;
    // At rest (the start screen, thank-you) these would begin a visit; inside one, they go on.
    if (this.outOfService() && SESSION_STARTS.has(event.type) && this.step().has('resting')) return;
    if (this.idle.running && event.type !== 'timeout') this.idle.restart();
    this.deliver(event);
    // Intents that change nothing in the flow (activity, extendTime) still refresh the countdown.
    if (event.type === 'activity' || event.type === 'extendTime') this.publish();
  }

  /** One event into the machines; the view goes out once they have settled. */
  private deliver(event: SessionEvent): void {
    this.dispatching = true;
    try {
      this.actor.send(event);
    } finally {
      this.dispatching = false;
    }
    this.onChange();
  }

  /** A child machine (verification) moved on its own (a host reply): its step changed. */
  private inspect(event: InspectionEvent): void {
    const child = event.actorRef;
    if (child === (this.actor as unknown) || event.rootId === child.sessionId) return;
    if (event.type === '@xstate.actor')
      (child as unknown as Actor<SessionMachine>).on?.('journal', (e: JournalEvent) =>
        this.facts.push(e.fact),
      );
    if (
      event.type === '@xstate.snapshot' &&
      (event.snapshot as { status?: string }).status === 'active'
    )
      this.onChange();
  }

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  view(): SessionView {
    return this.current;
  }

  /** Outside opening hours the resting screen goes dark (the maintenance schedule says when). */
  setOffHours(offHours: boolean): void {
    this.sleep.setOffHours(offHours);
  }

  setDevices(devices: DeviceReadiness): void {
    this.devices = devices;
    this.publish();
  }

  stop(): void {
    this.technician?.stop();
    this.sleep.stop();
    this.unsubscribePrinter();
    this.unsubscribeService();
    this.ownService?.stop();
    this.idle.stop();
    this.actor.stop();
    this.listeners.clear();
  }

  private onChange(): void {
    if (this.dispatching) return;
    const step = this.step();
    if (step.screen !== this.lastScreen) {
      this.options.logger.info({ from: this.lastScreen, to: step.screen }, 'session step');
      this.lastScreen = step.screen;
      if (step.has('resting')) {
        this.idle.stop();
        this.sleep.rest();
      } else this.idle.restart();
    }
    const entries = this.auditor.entriesFor(this.facts.splice(0));
    if (entries.length && this.options.audit) {
      this.recordThenPublish(entries);
      return;
    }
    this.publish();
  }

  /** Out of service (the journal, the host or a required device): no session may start. */
  private outOfService(): boolean {
    return !this.service.status().inService;
  }

  private onServiceChange(status: ServiceStatus): void {
    const before = this.serviceBefore;
    this.serviceBefore = status;
    const journalLost =
      status.reasons.includes('journalUnwritable') && !before.reasons.includes('journalUnwritable');
    if (journalLost) {
      this.options.logger.error('journal cannot be written: out of service');
      this.endSessionUnrecorded();
    } else if (!status.inService && before.inService) {
      // The session in progress ends with a word to the person where it still waits on the
      // host (or the device); one already served finishes what is on screen.
      if (!this.step().has('resting')) this.deliver({ type: 'serviceLost' });
    }
    if (status.inService && !before.inService) {
      this.options.logger.info('in service again');
      if (this.step().has('vacant')) {
        this.deliver({ type: 'serviceRestored' });
        return;
      }
    }
    this.publish();
  }

  /** Ends a session whose records cannot be written, before it shows anything more. */
  private endSessionUnrecorded(): void {
    if (this.step().has('resting')) return;
    this.deliver({ type: 'auditFailed' });
  }

  private recordThenPublish(entries: Parameters<AuditSink['record']>[0][]): void {
    const audit = this.options.audit!;
    const previous = this.pending ?? Promise.resolve();
    const done = previous
      .then(async () => {
        for (const entry of entries) await audit.record(entry);
      })
      .catch((error: unknown) => {
        this.options.logger.error({ err: (error as Error).message }, 'journal write failed');
        // The step it records (a balance shown, a receipt printed) must not be shown unrecorded.
        this.endSessionUnrecorded();
      })
      .then(() => {
        if (this.pending === done) this.pending = null;
        this.publish();
      });
    this.pending = done;
  }

  private expire(): void {
    this.options.logger.info({ at: this.step().screen }, 'session timed out');
    this.deliver({ type: 'timeout' });
  }

  private render(): SessionView {
    const secondsLeft = this.idle.secondsLeft();
    const step = this.step();
    const view = toSessionView(step, this.actor.getSnapshot().context, {
      seq: this.seq,
      now: this.options.now().getTime(),
      idle: {
        secondsLeft,
        warning: secondsLeft !== null && secondsLeft * 1000 <= this.options.idleWarningMs,
      },
      devices: this.devices,
      terminalId: this.options.terminalId,
      identifyBy: this.options.identifyBy ?? { card: false, scanner: false, bankCard: false },
      fdks: this.options.fdks ?? [],
      keyTones: this.options.keyTones ?? false,
      branding: this.options.branding ?? DEFAULT_BRANDING,
      timeZone: this.options.timeZone ?? DEFAULT_TIME_ZONE,
    });
    if (!this.technician?.active) {
      // Only the start screen goes dark or says out of service: a thank-you (take your card,
      // the hand-back) is always shown to its end.
      if (!step.has('vacant')) return view;
      if (this.sleep.dark())
        return {
          ...view,
          screen: 'screenOff',
          step: this.outOfService() ? { ...DARK, identifying: false } : DARK,
          menu: null,
        };
      return this.outOfService()
        ? { ...view, screen: 'outOfService', step: NOBODY_SERVED, menu: null }
        : view;
    }
    return {
      ...view,
      screen: this.technician.screen(),
      step: TECHNICIAN_STEP,
      menu: null,
      technician: this.technician.view(view.language),
    };
  }

  private publish(): void {
    // While a step waits for the journal, hold every view back; the latest goes out after it.
    if (this.pending) return;
    this.seq += 1;
    this.current = this.render();
    for (const listener of this.listeners) listener(this.current);
  }
}
