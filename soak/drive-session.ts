import type { Intent, Screen, SessionView } from '../core/common/api';
import type { EmbeddedDeviceControl } from '../simulators/embedded';
import { SCAN_KINDS } from '../simulators/embedded';
import {
  FIXTURE_NAMES,
  fixturePerson,
  PEOPLE,
  UNKNOWN_KPJ,
  wrongBirthDate,
  type Person,
} from './people';
import type { SessionPlan } from './soak-plan';
import type { UiConnection } from './ui-connection';

export const OUTCOMES = [
  'served',
  'servedWithReceipt',
  'receiptFailed',
  'notFound',
  'hostError',
  'locked',
  'canceled',
  'timedOut',
  'interrupted',
  /** A step got no answer in time; the person walked away and the idle timeout had to end it. */
  'noAnswer',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface SessionResult {
  outcome: Outcome;
  /** A screen of the session was seen, so the journal must hold the session. */
  started: boolean;
  /** It did not reach the start screen within the idle timeout after its last action. */
  stuck: boolean;
  /** The start screen it was stuck on, when stuck (for the report). */
  stuckOn: Screen | null;
  /** Device input the kiosk did not take (the person then used the on-screen keypad). */
  ignoredInput: Array<'cardReader' | 'scanner' | 'pinPad'>;
  /** The print button was not offered (printer not ready) when the plan wanted a receipt. */
  printUnavailable: boolean;
  /** With `noAnswer`: the action that got none and the screen it was left on. */
  unanswered: string | null;
}

export interface DriverContext {
  ui: UiConnection;
  devices: EmbeddedDeviceControl;
  /** Longest wait for one step's screen (host timeouts included). */
  stepTimeoutMs: number;
  /** Idle timeout plus thank-you time and a margin: the most a session may take to end by itself. */
  endTimeoutMs: number;
  /** Kill -9 the brain and start it again on the same port; resolves once it serves again. */
  killBrain(): Promise<void>;
  /** Called once when the balance screen first shows (mid-session host faults begin here). */
  atBalance(): Promise<void>;
  /** The one-time code the host sent to this KPJ's phone (the simulator tells), or null. */
  otpCode(kpj: string): Promise<string | null>;
}

const RESTING: ReadonlySet<Screen> = new Set(['attract', 'thankYou']);
/**
 * Screens that end the planned path whatever step was asked. Not the start screen: mid-session
 * only the idle timeout leads there, and every step gives up long before it.
 */
const EXITS: ReadonlySet<Screen> = new Set(['error', 'locked', 'thankYou']);
/** How long a device's input may take to reach the screen before the person types instead. */
const DEVICE_INPUT_MS = 3_000;

/** Whether `view` answers the action, given every view since the action (`view` is the last). */
type Answer = (view: SessionView, since: readonly SessionView[]) => boolean;

class BrainKilled extends Error {}

/** One simulated person at the kiosk, following a session plan and reacting to what shows. */
export async function driveSession(
  context: DriverContext,
  plan: SessionPlan,
): Promise<SessionResult> {
  return new SessionRun(context, plan).run();
}

class SessionRun {
  private actions = 0;
  private started = false;
  /** Every view seen during the session, in order. */
  private readonly views: SessionView[] = [];
  private killedEpoch: number | string | null = null;
  private readonly ignoredInput: SessionResult['ignoredInput'] = [];
  private printUnavailable = false;
  private unanswered: string | null = null;
  private readonly person: Person;
  private readonly fixture: (typeof FIXTURE_NAMES)[number];

  constructor(
    private readonly context: DriverContext,
    private readonly plan: SessionPlan,
  ) {
    this.fixture = FIXTURE_NAMES[plan.participant % FIXTURE_NAMES.length]!;
    const usesFixture = plan.kind === 'card' || plan.kind === 'scanner';
    this.person = usesFixture
      ? fixturePerson(this.fixture)
      : plan.kind === 'unknownKpj'
        ? { kpj: UNKNOWN_KPJ, birthDate: '01-01-1990' }
        : PEOPLE[plan.participant % PEOPLE.length]!;
  }

  async run(): Promise<SessionResult> {
    const stopWatching = this.context.ui.onView((view) => {
      this.views.push(view);
      if (!RESTING.has(view.screen)) this.started = true;
    });
    let outcome: Outcome;
    try {
      outcome = await this.flow();
    } catch (error) {
      if (!(error instanceof BrainKilled)) throw error;
      outcome = 'interrupted';
    } finally {
      stopWatching();
    }
    const { stuck, stuckOn } = await this.awaitStartScreen(outcome);
    return {
      outcome,
      started: this.started,
      stuck,
      stuckOn,
      ignoredInput: this.ignoredInput,
      printUnavailable: this.printUnavailable,
      unanswered: outcome === 'noAnswer' ? this.unanswered : null,
    };
  }

  private async flow(): Promise<Outcome> {
    let view = await this.identify();
    if (!view || view.screen !== 'enterBirthDate') return this.leave(view);
    if (this.plan.kind === 'abandon') return 'timedOut';
    if (this.plan.kind === 'cancel') {
      return this.leave(await this.intent({ type: 'cancel' }, ['thankYou']), 'canceled');
    }
    if (this.plan.kind === 'wrongBirthDate' || this.plan.kind === 'lockout') {
      const tries = this.plan.kind === 'lockout' ? 3 : 1;
      for (let i = 0; i < tries; i++) {
        view = await this.birthDate(wrongBirthDate(this.person));
        if (!view || view.screen !== 'enterBirthDate') return this.leave(view);
      }
    }
    view = await this.birthDate(this.person.birthDate);
    // The host demands a one-time code for some participants: the person reads it off the phone.
    if (view?.screen === 'enterOtp') view = await this.oneTimeCode();
    if (!view || view.screen !== 'balance') return this.leave(view);
    await this.context.atBalance();
    return this.served();
  }

  /** From the start screen to the birth date step (or wherever the kiosk went instead). */
  private async identify(): Promise<SessionView | null> {
    const { card, scanner } = this.context.devices;
    const kind = this.plan.kind;
    if (kind === 'card' && card) {
      const view = await this.device('cardReader', () => card.swipe(this.fixture));
      if (view) return view;
    }
    if (kind === 'scanner' && scanner) {
      const scanKind = SCAN_KINDS[Math.floor(this.plan.random * SCAN_KINDS.length)]!;
      const view = await this.device('scanner', () => scanner.scan(scanKind, this.fixture));
      if (view) return view;
    }
    const entry = await this.intent({ type: 'start' }, ['enterKpj']);
    if (!entry || entry.screen !== 'enterKpj') return entry;
    if (kind !== 'keypadDigits') {
      return this.intent({ type: 'submitKpj', kpj: this.person.kpj }, ['enterBirthDate']);
    }
    return this.act(
      () => {
        for (const digit of this.person.kpj) this.context.ui.send({ type: 'digit', digit });
        this.context.ui.send({ type: 'enter' });
      },
      (view) => view.screen === 'enterBirthDate' || EXITS.has(view.screen),
    );
  }

  /** A card swipe or scan on the start screen; null when the kiosk did not take it. */
  private async device(
    name: 'cardReader' | 'scanner',
    input: () => Promise<void>,
  ): Promise<SessionView | null> {
    // An unplugged simulator refuses to send: to the person it is a swipe that does nothing.
    const send = () => input().catch(() => undefined);
    const taken = await this.act(send, (view) => view.screen !== 'attract', DEVICE_INPUT_MS);
    if (!taken) {
      this.ignoredInput.push(name);
      return null;
    }
    return this.await(
      (view) => view.screen === 'enterBirthDate' || EXITS.has(view.screen),
      this.views.length - 1,
    );
  }

  /** The birth date, on the pin pad or the screen; the view after the host answered. */
  private async birthDate(birthDate: string): Promise<SessionView | null> {
    // A wrong date comes back to this very screen: answered once the host was asked (loading).
    const answered: Answer = (view, since) =>
      !view.busy &&
      (view.screen === 'balance' ||
        view.screen === 'enterOtp' ||
        EXITS.has(view.screen) ||
        (view.screen === 'enterBirthDate' &&
          view.error?.code === 'verificationFailed' &&
          since.some((earlier) => earlier.screen === 'loading')));
    const pad = this.context.devices.pinPad;
    if (this.plan.birthDateOnPinPad && pad) {
      const digits = birthDate.replaceAll('-', '');
      let accepted = 0;
      const view = await this.act(
        async () => {
          accepted = (await pad.press(`${digits}E`)).accepted;
        },
        answered,
        DEVICE_INPUT_MS + this.context.stepTimeoutMs,
      );
      if (view || accepted === digits.length + 1) return view;
      this.ignoredInput.push('pinPad');
      this.context.ui.send({ type: 'clear' });
    }
    return this.act(
      () => void this.context.ui.send({ type: 'submitBirthDate', birthDate }),
      answered,
    );
  }

  /** Types the code the host sent (as a person reads it off the phone); the view after the host answered. */
  private async oneTimeCode(): Promise<SessionView | null> {
    const code = await this.context.otpCode(this.person.kpj).catch(() => null);
    if (!code) return this.context.ui.view();
    return this.act(
      () => {
        for (const digit of code) this.context.ui.send({ type: 'digit', digit });
        this.context.ui.send({ type: 'enter' });
      },
      (view) => !view.busy && (view.screen === 'balance' || EXITS.has(view.screen)),
    );
  }

  /** Balance shown: history, projection and receipt as planned, then finish. */
  private async served(): Promise<Outcome> {
    let outcome: Outcome = 'served';
    if (this.plan.history) {
      const history = await this.intent(
        { type: 'showHistory' },
        ['history'],
        (view) => view.screen === 'history' && !view.history?.loading,
      );
      if (!history || history.screen !== 'history') return this.leave(history);
      const back = await this.intent({ type: 'back' }, ['balance']);
      if (!back || back.screen !== 'balance') return this.leave(back);
    }
    if (this.plan.projection) {
      const projection = await this.intent({ type: 'showProjection' }, ['projection']);
      if (!projection || projection.screen !== 'projection') return this.leave(projection);
      const back = await this.intent({ type: 'back' }, ['balance']);
      if (!back || back.screen !== 'balance') return this.leave(back);
    }
    if (this.plan.print) {
      // As the balance offers it: the brain's view says whether a receipt can be printed.
      if (this.context.ui.view()?.print.canPrint) {
        const printed = await this.intent({ type: 'printReceipt' }, ['takeReceipt', 'printFailed']);
        if (printed?.screen === 'takeReceipt') {
          outcome = 'servedWithReceipt';
          const question = await this.intent({ type: 'enter' }, ['anotherTransaction']);
          if (question?.screen !== 'anotherTransaction') return this.leave(question, outcome);
          return this.leave(
            await this.intent({ type: 'answer', yes: false }, ['thankYou']),
            outcome,
          );
        }
        if (printed?.screen !== 'printFailed') return this.leave(printed);
        outcome = 'receiptFailed';
      } else {
        this.printUnavailable = true;
      }
    }
    return this.leave(await this.intent({ type: 'finish' }, ['thankYou']), outcome);
  }

  /**
   * Where the session went off the planned path (or ended): says what it was and takes the
   * way out a person would (finish on an error, Enter on the locked screen).
   */
  private async leave(view: SessionView | null, done?: Outcome): Promise<Outcome> {
    if (!view) return 'noAnswer';
    switch (view.screen) {
      case 'thankYou':
        return done ?? 'canceled';
      case 'attract':
        return done ?? 'timedOut';
      case 'locked':
        await this.intent({ type: 'enter' }, ['thankYou']);
        return 'locked';
      case 'error': {
        const code = view.error?.code;
        await this.intent({ type: 'finish' }, ['thankYou']);
        return code === 'notFound' ? 'notFound' : 'hostError';
      }
      default:
        return 'noAnswer';
    }
  }

  /** Sends an intent and waits for one of `screens` (or an exit screen). */
  private intent(
    intent: Intent,
    screens: Screen[],
    matches: (view: SessionView) => boolean = (view) => screens.includes(view.screen),
  ): Promise<SessionView | null> {
    return this.act(
      () => void this.context.ui.send(intent),
      (view) => matches(view) || EXITS.has(view.screen),
      this.context.stepTimeoutMs,
      intent.type,
    );
  }

  /**
   * One action of the person, then the view that answers it (null after the timeout). The
   * plan's brain kill happens here: right after the action (busy) or once it was answered.
   */
  private async act(
    action: () => void | Promise<void>,
    answered: Answer,
    timeoutMs = this.context.stepTimeoutMs,
    label = 'device input',
  ): Promise<SessionView | null> {
    const mark = this.views.length;
    await action();
    this.actions += 1;
    const kill = this.plan.killBrain;
    const killNow = kill !== null && this.actions === kill.afterAction;
    if (killNow && kill.busy) await this.kill();
    const view = await this.await(answered, mark, timeoutMs);
    if (killNow) await this.kill();
    if (!view) this.unanswered = `${label} on ${this.context.ui.view()?.screen ?? 'no view'}`;
    return view;
  }

  /** The first view from `views[mark]` on that answers, waiting up to `timeoutMs` for it. */
  private await(
    answered: Answer,
    mark: number,
    timeoutMs = this.context.stepTimeoutMs,
  ): Promise<SessionView | null> {
    const check = () => {
      for (let i = mark; i < this.views.length; i++) {
        const since = this.views.slice(mark, i + 1);
        if (answered(this.views[i]!, since)) return this.views[i]!;
      }
      return null;
    };
    const now = check();
    if (now) return Promise.resolve(now);
    return this.context.ui
      .waitFor(() => check() !== null, timeoutMs)
      .then((view) => (view ? check() : null));
  }

  private async kill(): Promise<never> {
    this.killedEpoch = this.context.ui.epoch;
    await this.context.killBrain();
    throw new BrainKilled();
  }

  /** The session must come back to the start screen by itself within the idle timeout. */
  private async awaitStartScreen(
    outcome: Outcome,
  ): Promise<{ stuck: boolean; stuckOn: Screen | null }> {
    const ui = this.context.ui;
    if (outcome !== 'interrupted' && ui.view()?.screen === 'thankYou' && this.plan.skipThankYou)
      ui.send({ type: 'enter' });
    const killed = this.killedEpoch;
    const back = await ui.waitFor(
      (view) => view.screen === 'attract' && (killed === null || ui.epoch !== killed),
      this.context.endTimeoutMs,
    );
    return back
      ? { stuck: false, stuckOn: null }
      : { stuck: true, stuckOn: ui.view()?.screen ?? null };
  }
}
