import { seededRandom } from '../simulators/common/seeded-random';

/** How a simulated person goes through one session. */
export const SESSION_KINDS = [
  /** KPJ and birth date submitted whole from the on-screen keypad. */
  'keypad',
  /** KPJ typed digit by digit, then Enter. */
  'keypadDigits',
  /** KPJ card swiped in the card reader. */
  'card',
  /** KPJ card barcode or JMO QR on the scanner. */
  'scanner',
  /** One wrong birth date, then the right one. */
  'wrongBirthDate',
  /** A KPJ the host does not know. */
  'unknownKpj',
  /** Cancel on the birth date step. */
  'cancel',
  /** Walks away on the birth date step: the idle timeout must end the session. */
  'abandon',
  /** Wrong birth dates until the KPJ is locked. */
  'lockout',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** What the soak does to the kiosk's surroundings; each has a channel it occupies while active. */
export const FAULT_KINDS = [
  'hostOutage',
  'hostRestart',
  'hostLatency',
  'host5xx',
  'hostHang',
  'unplugCardReader',
  'unplugScanner',
  'unplugPinPad',
  'unplugPrinter',
  'paperOut',
  'brainKill',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const CHANNEL: Record<FaultKind, string> = {
  hostOutage: 'host',
  hostRestart: 'host',
  hostLatency: 'host',
  host5xx: 'host',
  hostHang: 'host',
  unplugCardReader: 'cardReader',
  unplugScanner: 'scanner',
  unplugPinPad: 'pinPad',
  unplugPrinter: 'printer',
  paperOut: 'paper',
  brainKill: 'brain',
};

const REACH_BALANCE: SessionKind[] = [
  'keypad',
  'keypadDigits',
  'wrongBirthDate',
  'card',
  'scanner',
];

/**
 * With `everyKind`, the session kinds that meet a fault (the fault shows in such a session): a
 * host fault or a printer fault needs a session that reaches the balance, an unplugged reader
 * a session that uses it. Sessions that must end their own way (abandon, cancel, unknown KPJ)
 * then run with the host and devices well.
 */
const MEETS: Record<FaultKind, SessionKind[]> = {
  hostOutage: REACH_BALANCE,
  hostRestart: REACH_BALANCE,
  hostLatency: REACH_BALANCE,
  host5xx: REACH_BALANCE,
  hostHang: REACH_BALANCE,
  unplugCardReader: ['card'],
  unplugScanner: ['scanner'],
  unplugPinPad: ['keypad', 'keypadDigits', 'wrongBirthDate'],
  unplugPrinter: REACH_BALANCE,
  paperOut: REACH_BALANCE,
  brainKill: [...REACH_BALANCE, 'unknownKpj', 'cancel'],
};

/** In `everyKind` runs the rarer kinds come first, so ~15 sessions hold them all. */
const FORCED_ORDER: SessionKind[] = [
  'wrongBirthDate',
  'keypadDigits',
  'lockout',
  'unknownKpj',
  'cancel',
  'abandon',
  'card',
  'scanner',
  'keypad',
];

const SESSION_WEIGHTS: Record<SessionKind, number> = {
  keypad: 30,
  keypadDigits: 12,
  card: 18,
  scanner: 14,
  wrongBirthDate: 8,
  unknownKpj: 6,
  cancel: 6,
  abandon: 0.4,
  lockout: 1,
};

export interface FaultStep {
  fault: FaultKind;
  phase: 'begin' | 'end';
}

export interface SessionPlan {
  index: number;
  kind: SessionKind;
  /** Index into the host's participants (keypad kinds) or fixtures (card, scanner). */
  participant: number;
  birthDateOnPinPad: boolean;
  history: boolean;
  projection: boolean;
  print: boolean;
  /** Leave the thank-you screen with Enter (else wait for its own timer). */
  skipThankYou: boolean;
  /** Faults that begin or end just before this session. */
  faults: FaultStep[];
  /** Kill -9 the brain after this many of the session's actions (`busy`: right after sending it). */
  killBrain: { afterAction: number; busy: boolean } | null;
  /**
   * This session's host fault begins when the person reaches the balance screen (so the host
   * fails a later call with a token in hand), not before the session.
   */
  hostFaultMidSession: boolean;
  random: number;
}

export interface PlanOptions {
  sessions: number;
  seed: number;
  /** Chance that a fault begins before a session (when its channel is free). */
  faultRate: number;
  /** Every fault and session kind at least once (early in the run), then random ones. */
  everyKind: boolean;
}

/** The whole run, decided up front from the seed so a run can be replayed. */
export function planSoak(options: PlanOptions): SessionPlan[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const weighted = (): SessionKind => {
    const total = SESSION_KINDS.reduce((sum, kind) => sum + SESSION_WEIGHTS[kind], 0);
    let draw = random() * total;
    for (const kind of SESSION_KINDS) {
      draw -= SESSION_WEIGHTS[kind];
      if (draw < 0) return kind;
    }
    return 'keypad';
  };
  const forcedKinds: SessionKind[] = options.everyKind ? [...FORCED_ORDER] : [];
  /** The first still-forced kind that meets the fault, else any kind that does. */
  const kindMeeting = (fault: FaultKind): SessionKind => {
    const forced = forcedKinds.findIndex((kind) => MEETS[fault].includes(kind));
    return forced >= 0 ? forcedKinds.splice(forced, 1)[0]! : MEETS[fault][0]!;
  };
  const forcedFaults: FaultKind[] = options.everyKind ? [...FAULT_KINDS] : [];
  const busyUntil = new Map<string, number>();
  const ends = new Map<number, FaultStep[]>();
  const plans: SessionPlan[] = [];

  for (let index = 0; index < options.sessions; index++) {
    const faults: FaultStep[] = [...(ends.get(index) ?? [])];
    let fault: FaultKind | undefined;
    // Session 0 runs clean, so the first RSS reading is of a kiosk that just served someone.
    if (index > 0 && forcedFaults.length) fault = forcedFaults.shift();
    else if (index > 0 && random() < options.faultRate) {
      const free = FAULT_KINDS.filter((kind) => (busyUntil.get(CHANNEL[kind]) ?? 0) <= index);
      if (free.length) fault = pick(free);
    }
    let kind: SessionKind;
    if (options.everyKind && index === 0) kind = 'keypad';
    else if (options.everyKind && fault) kind = kindMeeting(fault);
    else kind = forcedKinds.shift() ?? weighted();
    // Nobody to interrupt on an abandoned screen: the kill goes to an ordinary session.
    if (fault === 'brainKill' && kind === 'abandon') kind = 'keypad';
    let killBrain: SessionPlan['killBrain'] = null;
    if (fault === 'brainKill') {
      // Killed busy only from the second action on: a kill racing the very first one could
      // leave a journaled session the soak never saw start, which would hide a missing one.
      const busy = random() < 0.5;
      killBrain = { afterAction: (busy ? 2 : 1) + Math.floor(random() * 2), busy };
    } else if (fault) {
      const duration = 1 + Math.floor(random() * 3);
      const endAt = options.everyKind && forcedFaults.length ? index + 1 : index + duration;
      faults.push({ fault, phase: 'begin' });
      busyUntil.set(CHANNEL[fault], endAt);
      ends.set(endAt, [...(ends.get(endAt) ?? []), { fault, phase: 'end' }]);
    }
    const meetsPrinter = fault === 'paperOut' || fault === 'unplugPrinter';
    const hostFault = fault !== undefined && CHANNEL[fault] === 'host';
    plans.push({
      index,
      kind,
      participant: Math.floor(random() * 1_000_000),
      birthDateOnPinPad: fault === 'unplugPinPad' || random() < 0.3,
      history: fault === 'hostRestart' || random() < 0.25,
      projection: random() < 0.15,
      print: meetsPrinter || random() < 0.35,
      skipThankYou: random() < 0.9,
      faults,
      killBrain,
      hostFaultMidSession: fault === 'hostRestart' || (hostFault && random() < 0.3),
      random: random(),
    });
  }
  return plans;
}

/** Faults still active after the last session (the runner ends them before the final checks). */
export function faultsLeftOpen(plans: readonly SessionPlan[]): FaultKind[] {
  const open = new Set<FaultKind>();
  for (const plan of plans)
    for (const step of plan.faults)
      if (step.phase === 'begin') open.add(step.fault);
      else open.delete(step.fault);
  return [...open];
}
