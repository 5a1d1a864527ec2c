import type { BalanceView, DeviceReadiness, Screen, SessionView } from '../common/api';
import { formatBirthDateEntry, BIRTH_DATE_DIGITS } from '../common/domain/birth-date';
import { KPJ_LENGTH } from '../common/domain/kpj';
import { maskKpj, maskName } from '../common/domain/mask';
import type { BalanceSummary } from '../host/host-api';
import type { SessionContext } from './session-machine';

const SCREEN_BY_STATE: Record<string, Screen> = {
  attract: 'attract',
  enterKpj: 'enterKpj',
  lookingUp: 'loading',
  enterBirthDate: 'enterBirthDate',
  verifying: 'loading',
  checkingAttempts: 'loading',
  balance: 'balance',
  error: 'error',
  locked: 'locked',
  thankYou: 'thankYou',
};

export function screenOf(stateValue: string): Screen {
  return SCREEN_BY_STATE[stateValue] ?? 'attract';
}

function entryOf(screen: Screen, buffer: string): SessionView['entry'] {
  if (screen === 'enterKpj') {
    return {
      field: 'kpj',
      display: buffer,
      length: buffer.length,
      maxLength: KPJ_LENGTH,
      complete: buffer.length === KPJ_LENGTH,
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

export interface ViewExtras {
  seq: number;
  idle: SessionView['idle'];
  devices: DeviceReadiness;
  terminalId: string;
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
    entry: entryOf(screen, context.buffer),
    error: context.error,
    locked: screen === 'locked' && context.lockedUntil ? { retryAt: context.lockedUntil } : null,
    busy: screen === 'loading',
    balance: screen === 'balance' && context.summary ? balanceViewOf(context.summary) : null,
    idle: extras.idle,
    devices: extras.devices,
    terminalId: extras.terminalId,
  };
}
