import { JHT_TOTAL_RATE } from './contribution-rates';

export const DEFAULT_JHT_RETURN = 0.05;

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
