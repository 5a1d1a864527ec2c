import type {
  BalanceSummary,
  ContributionRow,
  VerificationMethod,
} from '../../../core/host/host-api';
import { monthlyContribution } from '../../../core/common/domain/contribution-rates';
import { addMonths, ageOn, dayOf, lastDayOf, monthIndex, monthKey } from './months';
import type { Prng } from './prng';
import { jhtReturnRate } from './reference-data';
import type { JhtYear, MembershipStatus, SimParticipant } from './participant';

/** JP (Jaminan Pensiun) started in July 2015: no JP contributions before that month. */
export const JP_START_MONTH = '2015-07';

export interface ParticipantProfile {
  kpj: string;
  name: string;
  birthDate: string;
  status: MembershipStatus;
  employer: string;
  branchOffice: string;
  /** Years of contribution history, 1..20. */
  years: number;
  /** The latest reported monthly wage; earlier years are discounted by a yearly raise. */
  currentWage: number;
  /** Inactive members: the last month anything was paid. Active members pay through the statement month. */
  lastContributionMonth?: string;
  /** How many runs of unpaid months to leave in the history. */
  gapRuns: number;
  /** What the host's lookup demands of this participant (default: the birth date only). */
  verification?: VerificationMethod[];
}

/** Builds a participant's rows, JHT years and balance summary from a profile, deterministically. */
export function generateParticipant(
  profile: ParticipantProfile,
  prng: Prng,
  statementMonth: string,
): SimParticipant {
  const asOf = lastDayOf(statementMonth);
  const last =
    profile.status === 'active'
      ? statementMonth
      : (profile.lastContributionMonth ?? statementMonth);
  const start = addMonths(last, -(profile.years * 12) + 1 + prng.int(0, 5));
  const raise = 0.03 + prng.int(0, 50) / 1000;
  const lastYear = Number(last.slice(0, 4));

  const gaps = pickGaps(prng, monthIndex(start), monthIndex(last), profile.gapRuns);
  const oldestFirst: ContributionRow[] = [];
  for (let index = monthIndex(start); index <= monthIndex(last); index += 1) {
    if (gaps.has(index)) continue;
    const month = monthKey(index);
    const yearsBefore = lastYear - Number(month.slice(0, 4));
    const wage = Math.round(profile.currentWage / (1 + raise) ** yearsBefore / 1000) * 1000;
    const share = monthlyContribution(wage, month);
    const jpApplies = month >= JP_START_MONTH;
    const depositDay = prng.int(3, 15);
    const depositMonth = addMonths(month, 1);
    oldestFirst.push({
      month,
      depositDate: dayOf(depositMonth, depositDay),
      postingDate: dayOf(depositMonth, depositDay + prng.int(1, 3)),
      wage,
      arrears: 0,
      jhtEmployer: share.jhtEmployer,
      jhtWorker: share.jhtWorker,
      jpEmployer: jpApplies ? share.jpEmployer : 0,
      jpWorker: jpApplies ? share.jpWorker : 0,
    });
  }

  const jhtYears = jhtHistory(oldestFirst, Number(start.slice(0, 4)), statementMonth);
  const current = jhtYears[jhtYears.length - 1]!;
  const jpRows = oldestFirst.filter((row) => row.jpEmployer > 0);
  const active = profile.status === 'active';
  const latest = oldestFirst[oldestFirst.length - 1]!;

  const summary: BalanceSummary = {
    participant: {
      name: profile.name,
      kpj: profile.kpj,
      membershipStatus: profile.status,
      employer: profile.employer,
      branchOffice: profile.branchOffice,
      membershipStart: start,
      lastContributionMonth: latest.month,
      currentWage: latest.wage,
      age: ageOn(profile.birthDate, asOf),
    },
    jht: {
      asOf,
      openingBalance: current.openingBalance,
      employerContributions: current.employerContributions,
      workerContributions: current.workerContributions,
      developmentReturns: current.developmentReturns,
      closingBalance: current.closingBalance,
    },
    programs: [
      { program: 'JHT', covered: true },
      {
        program: 'JP',
        covered: active,
        contributionMonths: jpRows.length,
        balance: jpRows.reduce((sum, row) => sum + row.jpEmployer + row.jpWorker, 0),
      },
      { program: 'JKK', covered: active },
      { program: 'JKM', covered: active },
      { program: 'JKP', covered: active },
    ],
  };

  return {
    kpj: profile.kpj,
    birthDate: profile.birthDate,
    name: profile.name,
    status: profile.status,
    employer: profile.employer,
    branchOffice: profile.branchOffice,
    membershipStart: start,
    verification: profile.verification ?? ['birthDate'],
    rows: oldestFirst.slice().reverse(),
    jhtYears,
    summary,
  };
}

/** Runs of 1-4 unpaid months strictly inside the history, so start and last stay paid. */
function pickGaps(prng: Prng, first: number, last: number, runs: number): Set<number> {
  const gaps = new Set<number>();
  if (last - first < 8) return gaps;
  for (let run = 0; run < runs; run += 1) {
    const length = prng.int(1, 4);
    const from = prng.int(first + 1, Math.max(first + 1, last - length - 1));
    for (let index = from; index < from + length && index < last; index += 1) gaps.add(index);
  }
  return gaps;
}

/**
 * Yearly JHT accounts. Returns follow the official simulator's convention: the opening balance
 * earns the year's rate, the contribution of month m earns rate x (13 - m) / 12. The statement
 * year is credited pro rata up to the statement month.
 */
export function jhtHistory(
  oldestFirst: readonly ContributionRow[],
  firstYear: number,
  statementMonth: string,
): JhtYear[] {
  const statementYear = Number(statementMonth.slice(0, 4));
  const statementMonthNumber = Number(statementMonth.slice(5, 7));
  const years: JhtYear[] = [];
  let opening = 0;
  for (let year = firstYear; year <= statementYear; year += 1) {
    const rate = jhtReturnRate(year);
    const monthsCredited = year === statementYear ? statementMonthNumber : 12;
    const rows = oldestFirst.filter((row) => Number(row.month.slice(0, 4)) === year);
    let employer = 0;
    let worker = 0;
    let returns = (opening * rate * monthsCredited) / 12;
    for (const row of rows) {
      const month = Number(row.month.slice(5, 7));
      employer += row.jhtEmployer;
      worker += row.jhtWorker;
      returns += ((row.jhtEmployer + row.jhtWorker) * rate * (monthsCredited - month + 1)) / 12;
    }
    const developmentReturns = Math.round(returns);
    const closing = opening + employer + worker + developmentReturns;
    years.push({
      year,
      rate,
      openingBalance: opening,
      employerContributions: employer,
      workerContributions: worker,
      developmentReturns,
      closingBalance: closing,
    });
    opening = closing;
  }
  return years;
}
