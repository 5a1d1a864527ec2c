import type {
  BalanceView,
  DeviceReadiness,
  ProjectionView,
  Screen,
  SessionView,
} from '../common/api';
import { JHT_RETIREMENT_AGE } from '../common/domain/contribution-rates';
import {
  DEFAULT_JHT_RETURN,
  projectionWageBounds,
  projectionYearsBounds,
  projectJht,
} from '../common/domain/projection';
import { formatRupiah } from '../common/domain/format';
import { timeZoneLabel } from '../common/domain/time-zone-label';
import { formatBirthDateEntry, BIRTH_DATE_DIGITS } from '../common/domain/birth-date';
import { KPJ_LENGTH } from '../common/domain/kpj';
import { maskKpj, maskName } from '../common/domain/mask';
import type { BalanceSummary } from '../host/host-api';
import { projectionFieldLength } from './entry-rules';
import { historyPageView } from './history-pages';
import { OTP_LENGTH, type SessionContext } from './session-machine';

const SCREEN_BY_STATE: Record<string, Screen> = {
  attract: 'attract',
  enterKpj: 'enterKpj',
  lookingUp: 'loading',
  enterBirthDate: 'enterBirthDate',
  enterOtp: 'enterOtp',
  resendingOtp: 'loading',
  verifyingOtp: 'loading',
  verifying: 'loading',
  checkingAttempts: 'loading',
  balance: 'balance',
  history: 'history',
  projection: 'projection',
  printing: 'printing',
  takeReceipt: 'takeReceipt',
  printFailed: 'printFailed',
  anotherTransaction: 'anotherTransaction',
  error: 'error',
  locked: 'locked',
  thankYou: 'thankYou',
};

export function screenOf(stateValue: string): Screen {
  return SCREEN_BY_STATE[stateValue] ?? 'attract';
}

function entryOf(screen: Screen, context: SessionContext): SessionView['entry'] {
  const buffer = context.buffer;
  if (screen === 'projection' && context.editing) {
    const wage = context.editing === 'wage';
    const maxLength = projectionFieldLength(context);
    return {
      field: context.editing,
      // A wage reads as money while it is typed: `Rp 7.500.000`.
      display:
        wage && buffer
          ? formatRupiah(Number(buffer), context.language === 'en' ? 'en-ID' : 'id-ID')
          : buffer,
      length: buffer.length,
      maxLength,
      complete: buffer.length > 0,
    };
  }
  if (screen === 'enterKpj') {
    return {
      field: 'kpj',
      display: buffer,
      length: buffer.length,
      maxLength: KPJ_LENGTH,
      complete: buffer.length === KPJ_LENGTH,
    };
  }
  if (screen === 'enterOtp') {
    return {
      field: 'otp',
      display: buffer,
      length: buffer.length,
      maxLength: OTP_LENGTH,
      complete: buffer.length === OTP_LENGTH,
    };
  }
  if (screen === 'enterBirthDate') {
    return {
      field: 'birthDate',
      display: formatBirthDateEntry(buffer),
      length: buffer.length,
      maxLength: BIRTH_DATE_DIGITS,
      complete: buffer.length === BIRTH_DATE_DIGITS,
    };
  }
  return null;
}

/** A statement's breakdown runs from January of its year (or the first month of membership). */
export function jhtPeriodOf(asOf: string, membershipStart: string): { from: string; to: string } {
  const to = asOf.slice(0, 7);
  const january = `${asOf.slice(0, 4)}-01`;
  return { from: membershipStart > january ? membershipStart : january, to };
}

/** Only what the balance screen needs, masked: never the full KPJ, name, age or wage. */
export function balanceViewOf(summary: BalanceSummary): BalanceView {
  const { participant, jht, programs } = summary;
  return {
    maskedKpj: maskKpj(participant.kpj),
    maskedName: maskName(participant.name),
    membershipStatus: participant.membershipStatus,
    employer: participant.employer,
    branchOffice: participant.branchOffice,
    membershipStart: participant.membershipStart,
    lastContributionMonth: participant.lastContributionMonth,
    asOf: jht.asOf,
    jhtPeriod: jhtPeriodOf(jht.asOf, participant.membershipStart),
    jht: {
      openingBalance: jht.openingBalance,
      employerContributions: jht.employerContributions,
      workerContributions: jht.workerContributions,
      developmentReturns: jht.developmentReturns,
      closingBalance: jht.closingBalance,
    },
    programs: programs
      .filter((p) => p.program !== 'JHT')
      .map((p) => ({
        program: p.program,
        covered: p.covered,
        ...(p.balance !== undefined ? { balance: p.balance } : {}),
        ...(p.contributionMonths !== undefined ? { contributionMonths: p.contributionMonths } : {}),
      })),
  };
}

/** Screens between the KPJ's lookup and the balance, which name who is being served (masked). */
const IDENTIFIED_SCREENS = new Set<Screen>(['loading', 'enterBirthDate', 'enterOtp', 'error']);

function identityOf(screen: Screen, context: SessionContext): SessionView['identity'] {
  if (!context.kpj || !context.method || !IDENTIFIED_SCREENS.has(screen)) return null;
  return { maskedKpj: maskKpj(context.kpj), method: context.method };
}

export interface ViewExtras {
  seq: number;
  now: number;
  idle: SessionView['idle'];
  devices: DeviceReadiness;
  terminalId: string;
  identifyBy: SessionView['identifyBy'];
  /** The configured IANA zone: the view carries it and its label (`WITA`). */
  timeZone: string;
}

export function toSessionView(
  stateValue: string,
  context: SessionContext,
  extras: ViewExtras,
): SessionView {
  const screen = screenOf(stateValue);
  return {
    seq: extras.seq,
    screen,
    language: context.language,
    entry: entryOf(screen, context),
    error: context.error,
    identity: identityOf(screen, context),
    locked: screen === 'locked' && context.lockedUntil ? { retryAt: context.lockedUntil } : null,
    otp:
      screen === 'enterOtp' && context.otp
        ? {
            maskedDestination: context.otp.maskedDestination,
            resendInSeconds: Math.max(0, Math.ceil((context.otp.resendAt - extras.now) / 1000)),
            expiresInSeconds: Math.max(0, Math.ceil((context.otp.expiresAt - extras.now) / 1000)),
          }
        : null,
    busy: screen === 'loading' || screen === 'printing',
    takeCard: screen === 'thankYou' && context.method === 'card',
    voice: { on: context.voice, repeat: context.voiceRepeat },
    receiptReference: context.receiptReference,
    printProblem: context.printProblem,
    balance: screen === 'balance' && context.summary ? balanceViewOf(context.summary) : null,
    history:
      screen === 'history' && context.summary
        ? historyPageView(
            context.summary,
            context.history,
            context.historyPage,
            context.historyFailed,
          )
        : null,
    projection: screen === 'projection' && context.summary ? projectionViewOf(context) : null,
    idle: extras.idle,
    devices: extras.devices,
    terminalId: extras.terminalId,
    identifyBy: extras.identifyBy,
    clock: {
      timeZone: extras.timeZone,
      label: timeZoneLabel(extras.timeZone, new Date(extras.now)),
    },
    technician: null,
  };
}

function projectionViewOf(context: SessionContext): ProjectionView {
  const summary = context.summary!;
  const { wage, years } = context.projection;
  const { age, membershipStatus } = summary.participant;
  const result = projectJht({
    monthlyWage: wage,
    years,
    currentBalance: summary.jht.closingBalance,
    yearlyReturn: DEFAULT_JHT_RETURN,
  });
  return {
    monthlyWage: wage,
    years,
    ageAtEnd: age + years,
    contributionsStopped: membershipStatus === 'inactive' && wage === 0,
    limits: {
      wage: projectionWageBounds(summary.participant.currentWage),
      years: projectionYearsBounds(age),
    },
    currentBalance: summary.jht.closingBalance,
    yearlyReturn: DEFAULT_JHT_RETURN,
    retirementAge: JHT_RETIREMENT_AGE,
    finalBalance: result.finalBalance,
    totalContributions: result.totalContributions,
    totalReturns: result.totalReturns,
    series: result.years.map((y) => ({ year: y.year, balance: y.balance })),
    editing: context.editing,
  };
}
