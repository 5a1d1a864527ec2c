/** Contribution rates as shares of the monthly wage (DOMAIN.md). */
export const JHT_EMPLOYER_RATE = 0.037;
export const JHT_WORKER_RATE = 0.02;
export const JHT_TOTAL_RATE = JHT_EMPLOYER_RATE + JHT_WORKER_RATE;
export const JP_EMPLOYER_RATE = 0.02;
export const JP_WORKER_RATE = 0.01;
export const JKM_RATE = 0.003;
export const JKP_RATE = 0.0036;
export const JKK_RATES = [0.0024, 0.0054, 0.0089, 0.0127, 0.0174] as const;
export const JHT_RETIREMENT_AGE = 56;

/** JP wage caps by the March they take effect. */
export const JP_WAGE_CAPS: ReadonlyArray<{ from: string; cap: number }> = [
  { from: '2024-03', cap: 10_042_300 },
  { from: '2025-03', cap: 10_547_400 },
];

/** The JP wage cap in force in a `YYYY-MM` month (the earliest known cap before 2024-03). */
export function jpWageCap(yearMonth: string): number {
  let cap = JP_WAGE_CAPS[0]!.cap;
  for (const entry of JP_WAGE_CAPS) if (yearMonth >= entry.from) cap = entry.cap;
  return cap;
}

export interface MonthlyContribution {
  jhtEmployer: number;
  jhtWorker: number;
  jpEmployer: number;
  jpWorker: number;
}

/** Wage 4.000.000 -> JHT 148.000 / 80.000, JP 80.000 / 40.000 (rounded to whole rupiah). */
export function monthlyContribution(wage: number, yearMonth: string): MonthlyContribution {
  const jpWage = Math.min(wage, jpWageCap(yearMonth));
  return {
    jhtEmployer: Math.round(wage * JHT_EMPLOYER_RATE),
    jhtWorker: Math.round(wage * JHT_WORKER_RATE),
    jpEmployer: Math.round(jpWage * JP_EMPLOYER_RATE),
    jpWorker: Math.round(jpWage * JP_WORKER_RATE),
  };
}
