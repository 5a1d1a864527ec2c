import type { BalanceView, DeviceReadiness, ProjectionView, SessionView } from '../common/api';
import { JHT_RETIREMENT_AGE } from '../common/domain/contribution-rates';
import {
  DEFAULT_JHT_RETURN,
  projectionWageBounds,
  projectionYearsBounds,
  projectJht,
} from '../common/domain/projection';
import { formatRupiah } from '../common/domain/format';
import { formatBirthDateEntry } from '../common/domain/birth-date';
import { timeZoneLabel } from '../common/domain/time-zone-label';
import { maskKpj, maskName } from '../common/domain/mask';
import type { BalanceSummary } from '../host/host-api';
import { projectionFieldLength } from './entry-rules';
import { historyPageView } from './history-pages';
import { menuFactsOf, menuView, printAvailability } from './menus';
import type { CurrentStep } from './current-step';
import { FIXED_FIELD_LENGTH } from './entry-field';
import type { SessionContext } from './session-context';

function entryOf(context: SessionContext, step: CurrentStep): SessionView['entry'] {
  if (step.field === 'projection' && context.editing && context.verified) {
    const buffer = context.buffer;
    const wage = context.editing === 'wage';
    return {
      field: context.editing,
      // A wage reads as money while it is typed: `Rp 7.500.000`.
      display:
        wage && buffer
          ? formatRupiah(Number(buffer), context.language === 'en' ? 'en-ID' : 'id-ID')
          : buffer,
      length: buffer.length,
      maxLength: projectionFieldLength(context.editing, context.verified.summary),
      complete: buffer.length > 0,
    };
  }
  const field = step.field;
  if (!field || field === 'projection') return null;
  const buffer = (field === 'kpj' ? context : step.verification)?.buffer ?? '';
  const maxLength = FIXED_FIELD_LENGTH[field];
  return {
    field,
    display: field === 'birthDate' ? formatBirthDateEntry(buffer) : buffer,
    length: buffer.length,
    maxLength,
    complete: buffer.length === maxLength,
  };
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

/** Between the KPJ's lookup and the balance the screen names who is being served (masked). */
function identityOf(step: CurrentStep, context: SessionContext): SessionView['identity'] {
  if (!context.kpj || !context.method || !step.has('showsIdentity')) return null;
  return { maskedKpj: maskKpj(context.kpj), method: context.method };
}

export interface ViewExtras {
  seq: number;
  now: number;
  idle: SessionView['idle'];
  devices: DeviceReadiness;
  terminalId: string;
  identifyBy: SessionView['identifyBy'];
  fdks: SessionView['fdks'];
  keyTones: boolean;
  branding: SessionView['branding'];
  /** The configured IANA zone: the view carries it and its label (`WITA`). */
  timeZone: string;
}

export function toSessionView(
  step: CurrentStep,
  context: SessionContext,
  extras: ViewExtras,
): SessionView {
  const { screen, verification } = step;
  const otp = verification?.otp;
  const summary = context.verified?.summary ?? null;
  return {
    seq: extras.seq,
    screen,
    language: context.language,
    entry: entryOf(context, step),
    error: errorOf(step, context),
    identity: identityOf(step, context),
    // The ATM profile's card, masked, until the balance: then the card is back with its owner.
    bankCard:
      context.bankCard && !context.verified ? { maskedPan: context.bankCard.maskedPan } : null,
    pin: screen === 'enterPin' ? { digits: context.pinDigits, keyTones: extras.keyTones } : null,
    accounts:
      screen === 'chooseAccount' && context.accounts
        ? context.accounts.map(({ maskedKpj, employer, membershipStatus }) => ({
            maskedKpj,
            employer,
            membershipStatus,
          }))
        : null,
    locked: screen === 'locked' && context.lockedUntil ? { retryAt: context.lockedUntil } : null,
    otp:
      screen === 'enterOtp' && otp
        ? {
            maskedDestination: otp.maskedDestination,
            resendInSeconds: Math.max(0, Math.ceil((otp.resendAt - extras.now) / 1000)),
            expiresInSeconds: Math.max(0, Math.ceil((otp.expiresAt - extras.now) / 1000)),
          }
        : null,
    busy: screen === 'loading' || screen === 'printing',
    // A card the reader did not hold (a KPJ card, a bank card in a dip reader) is still with the
    // person's things at the end; a held bank card came back before the balance.
    handBack: screen === 'thankYou' && context.deps.handOff === true,
    takeCard:
      screen === 'thankYou' &&
      !context.deps.handOff &&
      (context.method === 'card' ||
        (context.method === 'bankCard' && context.deps.bankCards?.holdsCard() === false)),
    voice: { on: context.voice, repeat: context.voiceRepeat },
    receiptReference: context.receiptReference,
    printProblem: context.printProblem,
    balance: screen === 'balance' && summary ? balanceViewOf(summary) : null,
    history:
      screen === 'history' && summary
        ? historyPageView(summary, context.history, context.historyPage, context.historyFailed)
        : null,
    projection: screen === 'projection' && summary ? projectionViewOf(context, summary) : null,
    step: {
      takesKeys: step.has('takesKeys'),
      identifying: step.has('identifying'),
      resting: step.has('resting'),
    },
    idle: extras.idle,
    devices: extras.devices,
    terminalId: extras.terminalId,
    identifyBy: extras.identifyBy,
    fdks: extras.fdks,
    branding: extras.branding,
    clock: {
      timeZone: extras.timeZone,
      label: timeZoneLabel(extras.timeZone, new Date(extras.now)),
    },
    technician: null,
    menu: step.menu ? menuView(step.menu, menuFactsOf(context, extras.devices)) : null,
    print: printAvailability(extras.devices),
  };
}

function projectionViewOf(context: SessionContext, summary: BalanceSummary): ProjectionView {
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

/** The error, and on the error screen whether another try is offered (the machine's tag says). */
function errorOf(step: CurrentStep, context: SessionContext): SessionView['error'] {
  const error = step.verification?.error ?? context.error;
  if (!error || step.screen !== 'error') return error;
  const retry = step.has('offersRetry') && (context.deps.inService?.() ?? true);
  return { ...error, retry };
}
