import { JHT_RETIREMENT_AGE, JHT_TOTAL_RATE } from './contribution-rates';

export const DEFAULT_JHT_RETURN = 0.05;

export interface Bounds {
  min: number;
  max: number;
}

/**
 * The monthly wages a projection accepts, in rupiah. JHT has no wage cap (DOMAIN.md), so the
 * top is a guard against a slipped extra zero, not a legal limit: Rp 100 juta is almost ten
 * times the JP wage cap (Rp 10.547.400, March 2025), above the wages the kiosk's participants
 * report. The bottom, Rp 1 juta, is under every provincial minimum wage and still leaves room for
 * the low declared incomes of informal (BPU) workers; Rp 99 is a typing slip.
 */
export const PROJECTION_WAGE: Bounds = { min: 1_000_000, max: 100_000_000 };

/**
 * The wages accepted for a participant: PROJECTION_WAGE, raised to the wage the host reports for
 * them when that is higher (a real wage is never a slip, and it is what the field starts from).
 */
export function projectionWageBounds(currentWage: number): Bounds {
  return { min: PROJECTION_WAGE.min, max: Math.max(PROJECTION_WAGE.max, currentWage) };
}

/** Digits a typed wage may have: as many as the largest wage accepted. */
export const projectionWageDigits = (bounds: Bounds): number => String(bounds.max).length;

/**
 * The years a projection may run for a participant of `age`: from 1 up to the JHT retirement
 * age, never past it. At or past that age there is nothing to project (max 0).
 */
export function projectionYearsBounds(age: number): Bounds {
  return { min: 1, max: Math.max(JHT_RETIREMENT_AGE - age, 0) };
}

export const withinBounds = (value: number, bounds: Bounds): boolean =>
  Number.isSafeInteger(value) && value >= bounds.min && value <= bounds.max;

/**
 * Where a participant's projection starts: the current wage and the years left to the
 * retirement age. An inactive member pays no contributions now, so theirs starts at a wage of 0
 * (balance growth only) until they type the wage of a new job.
 */
export function projectionStart(participant: {
  age: number;
  currentWage: number;
  membershipStatus: 'active' | 'inactive';
}): { wage: number; years: number } {
  return {
    wage: participant.membershipStatus === 'inactive' ? 0 : participant.currentWage,
    years: projectionYearsBounds(participant.age).max,
  };
}

export interface ProjectionInput {
  monthlyWage: number;
  years: number;
  currentBalance: number;
  /** Yearly development return, e.g. 0.05. */
  yearlyReturn?: number;
}

export interface ProjectionYear {
  year: number;
  balance: number;
  contributions: number;
  returns: number;
}

export interface Projection {
  finalBalance: number;
  totalContributions: number;
  totalReturns: number;
  years: ProjectionYear[];
}

/**
 * The official Simulasi JHT: contributions C = 5.7% of the wage on the 1st of each month; the
 * m-th payment of a year earns r x (13 - m) / 12 in its first year, so each year
 * S = S x (1 + r) + 12C + 6.5 x C x r. Rounded to whole rupiah only at the end, as published.
 */
export function projectJht(input: ProjectionInput): Projection {
  const r = input.yearlyReturn ?? DEFAULT_JHT_RETURN;
  const c = input.monthlyWage * JHT_TOTAL_RATE;
  let balance = input.currentBalance;
  let contributions = 0;
  const years: ProjectionYear[] = [];
  for (let year = 1; year <= input.years; year++) {
    balance = balance * (1 + r) + 12 * c + 6.5 * c * r;
    contributions += 12 * c;
    years.push({
      year,
      balance: Math.round(balance),
      contributions: Math.round(contributions),
      returns: Math.round(balance - input.currentBalance - contributions),
    });
  }
  return {
    finalBalance: Math.round(balance),
    totalContributions: Math.round(contributions),
    totalReturns: Math.round(balance - input.currentBalance - contributions),
    years,
  };
}
