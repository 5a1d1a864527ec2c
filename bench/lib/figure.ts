import { summarize } from './stats';

export type Unit = 'ms' | 'KB' | 'MB' | 'bytes';

/**
 * One row of the benchmark table. Every figure is "lower is better"; the budget, when there is
 * one, is an upper limit in the figure's unit. Rows without a budget are parts of a budgeted
 * figure (a split) or context for it.
 */
export interface FigureResult {
  /** Stable key, used to compare against a baseline. */
  id: string;
  label: string;
  unit: Unit;
  /** One value per run; the table shows their median, min and max. */
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  budget: number | null;
  status: 'pass' | 'over' | 'info' | 'notAvailable';
  note?: string;
}

/** What a figure group promises to report, so a failed group still yields its rows. */
export interface RowSpec {
  id: string;
  label: string;
  unit: Unit;
  budget?: number;
}

export function measured(spec: RowSpec, samples: number[], note?: string): FigureResult {
  const { median, min, max } = summarize(samples);
  const budget = spec.budget ?? null;
  return {
    id: spec.id,
    label: spec.label,
    unit: spec.unit,
    samples,
    median,
    min,
    max,
    budget,
    status: budget === null ? 'info' : median <= budget ? 'pass' : 'over',
    ...(note ? { note } : {}),
  };
}

export function notAvailable(spec: RowSpec, reason: string): FigureResult {
  return {
    id: spec.id,
    label: spec.label,
    unit: spec.unit,
    samples: [],
    median: null,
    min: null,
    max: null,
    budget: spec.budget ?? null,
    status: 'notAvailable',
    note: `not available yet: ${reason}`,
  };
}
