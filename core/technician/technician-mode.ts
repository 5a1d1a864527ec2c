import type { Intent, Language, Screen, TechnicianAction, TechnicianView } from '../common/api';
import { DEFAULT_TIME_ZONE } from '../common/domain/format';
import { timeZoneLabel } from '../common/domain/time-zone-label';
import type { Logger } from '../log/logger';
import type { AuditSink } from '../session/session-audit';
import { verifyTechnicianPin } from './pin-hash';
import { TapSequence, type Corner } from './tap-sequence';
import type { TechnicianActionResult, TechnicianPort } from './technician-port';
import { PORT_ACTIONS, type PortSetup } from './port-setup';
import { technicianMessageText, type TechnicianMessage } from './technician-messages';

export interface TechnicianSettings {
  /** scrypt hash of the technician PIN; null disables technician mode on the touchscreen. */
  pinHash: string | null;
  tapSequence: Corner[];
  tapWindowMs: number;
  maxPinAttempts: number;
  lockMs: number;
  idleTimeoutMs: number;
  /** The configured zone every time on the technician screens is shown in; default Asia/Jakarta. */
  timeZone?: string;
}

export interface TechnicianDeps {
  port: TechnicianPort | null;
  /** Moving devices to other ports and saving that in the config file. */
  portSetup?: PortSetup;
  audit?: AuditSink;
  logger: Logger;
  now: () => Date;
  /** Called whenever what the technician screens show has changed. */
  onChange: () => void;
}

type Phase = 'off' | 'pin' | 'active';
const MAX_PIN_DIGITS = 8;

/**
 * Technician mode beside the participant flow: a hidden entry (corner taps), a PIN checked
 * against a salted scrypt hash with lockout, diagnostics and device tests, auto-exit on idle.
 * Every entry, failure and action is journaled.
 */
const TECHNICIAN_INTENT_TYPES: ReadonlySet<string> = new Set<Intent['type']>([
  'digit',
  'backspace',
  'clear',
  'enter',
  'cancel',
  'technicianAction',
]);

export class TechnicianMode {
  private phase: Phase = 'off';
  private pin = '';
  private failures = 0;
  private lockedUntil: number | null = null;
  private busy = false;
  private lastResult: { action: TechnicianAction; ok: boolean; message: TechnicianMessage } | null =
    null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly taps: TapSequence;

  constructor(
    private readonly settings: TechnicianSettings,
    private readonly deps: TechnicianDeps,
  ) {
    this.taps = new TapSequence(settings.tapSequence, settings.tapWindowMs);
  }

  get active(): boolean {
    return this.phase !== 'off';
  }

  screen(): Screen {
    return this.phase === 'active' ? 'technician' : 'technicianPin';
  }

  /** A corner tap on the attract screen; opens the PIN prompt when the sequence completes. */
  cornerTap(corner: Corner): void {
    if (!this.settings.pinHash || this.phase !== 'off') return;
    if (!this.taps.tap(corner, this.deps.now().getTime())) return;
    this.requestEntry();
  }

  /** A technician card swiped on the attract screen: the PIN is still required. */
  cardEntry(cardTail: string): void {
    if (!this.settings.pinHash || this.phase !== 'off') return;
    this.requestEntry(`card ****${cardTail}`);
  }

  private requestEntry(detail?: string): void {
    this.phase = 'pin';
    this.pin = '';
    this.journal('entryRequested', detail);
    this.touch();
    this.deps.onChange();
  }

  /** The intents technician mode takes while it is open; the participant flow never sees them. */
  takes(event: { type: string }): event is Intent {
    return TECHNICIAN_INTENT_TYPES.has(event.type);
  }

  handle(intent: Intent): void {
    this.touch();
    if (this.phase === 'pin') this.handlePin(intent);
    else if (this.phase === 'active') this.handleActive(intent);
  }

  /** What the technician screens show, worded in the screen's language. */
  view(language: Language): TechnicianView {
    const locked = this.currentLock();
    const result = this.lastResult;
    const timeZone = this.settings.timeZone ?? DEFAULT_TIME_ZONE;
    return {
      pinLength: this.pin.length,
      pinError:
        this.failures > 0 && this.phase === 'pin'
          ? { attemptsLeft: Math.max(this.settings.maxPinAttempts - this.failures, 0) }
          : null,
      lockedUntil: locked ? new Date(locked).toISOString() : null,
      busy: this.busy,
      devices: this.phase === 'active' ? (this.deps.port?.devices() ?? []) : [],
      events: this.phase === 'active' ? (this.deps.port?.events() ?? []) : [],
      info: this.phase === 'active' ? (this.deps.port?.info() ?? null) : null,
      lastResult: result && {
        action: result.action,
        ok: result.ok,
        detail: technicianMessageText(result.message, language),
      },
      portSetup: this.phase === 'active' ? (this.deps.portSetup?.view() ?? null) : null,
      timeZone,
      timeZoneLabel: timeZoneLabel(timeZone, this.deps.now()),
    };
  }

  exit(reason: 'exit' | 'idle' | 'canceled'): void {
    if (this.phase === 'off') return;
    if (this.phase === 'active') this.journal('exit', reason);
    void this.deps.portSetup?.abandon().then(() => this.deps.onChange());
    this.phase = 'off';
    this.pin = '';
    this.lastResult = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.deps.onChange();
  }

  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }

  private handlePin(intent: Intent): void {
    if (intent.type === 'cancel') return this.exit('canceled');
    if (this.currentLock()) return;
    if (intent.type === 'digit' && this.pin.length < MAX_PIN_DIGITS) this.pin += intent.digit;
    else if (intent.type === 'backspace') this.pin = this.pin.slice(0, -1);
    else if (intent.type === 'clear') this.pin = '';
    else if (intent.type === 'enter' && this.pin.length >= 4 && !this.busy)
      return void this.checkPin();
    this.deps.onChange();
  }

  private async checkPin(): Promise<void> {
    const pin = this.pin;
    this.pin = '';
    this.busy = true;
    this.deps.onChange();
    const ok = await verifyTechnicianPin(pin, this.settings.pinHash ?? '').catch(() => false);
    this.busy = false;
    if (ok) {
      this.failures = 0;
      this.phase = 'active';
      this.journal('enter');
    } else {
      this.failures += 1;
      this.journal('pinFailed');
      if (this.failures >= this.settings.maxPinAttempts) {
        this.lockedUntil = this.deps.now().getTime() + this.settings.lockMs;
        this.failures = 0;
        this.journal('locked');
      }
    }
    this.deps.onChange();
  }

  private handleActive(intent: Intent): void {
    if (intent.type === 'cancel') return this.exit('exit');
    if (intent.type !== 'technicianAction') return;
    if (intent.action === 'exit') return this.exit('exit');
    if (intent.action === 'refresh') return this.deps.onChange();
    if (this.busy || !this.deps.port) return;
    void this.runAction(intent.action, intent.device, intent.port);
  }

  private async runAction(action: TechnicianAction, device?: string, port?: string): Promise<void> {
    this.busy = true;
    this.lastResult = null;
    this.deps.onChange();
    const portSetup = this.deps.portSetup;
    const target = device ?? portSetup?.view()?.device ?? 'kiosk';
    const running =
      PORT_ACTIONS.has(action) && portSetup
        ? portSetup.run(action, device, port)
        : this.deps.port!.run(action, device);
    const result = await running.catch((error: unknown): TechnicianActionResult => ({
      ok: false,
      message: { code: 'actionFailed', reason: (error as Error).message },
    }));
    this.busy = false;
    this.lastResult = { action, ok: result.ok, message: result.message };
    const where = action === 'choosePort' && port ? ` ${port}` : '';
    this.journal(action, `${target}${where} ${result.ok ? 'ok' : 'failed'}`);
    this.deps.onChange();
  }

  private currentLock(): number | null {
    if (this.lockedUntil !== null && this.lockedUntil <= this.deps.now().getTime())
      this.lockedUntil = null;
    return this.lockedUntil;
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.exit('idle'), this.settings.idleTimeoutMs);
  }

  private journal(action: string, detail?: string): void {
    this.deps.logger.info({ action }, 'technician');
    void this.deps.audit
      ?.record({ type: 'technicianAction', data: detail ? { action, detail } : { action } })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: (error as Error).message }, 'journal write failed'),
      );
  }
}
