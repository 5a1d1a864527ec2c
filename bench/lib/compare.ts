import type { FigureResult, Unit } from './figure';

/** A figure is a regression when its median is more than this share worse than the baseline. */
export const REGRESSION_SHARE = 0.2;

/**
 * Changes smaller than this are timer and scheduler noise on sub-millisecond figures, not a
 * regression, however large the share (0.3 ms -> 0.4 ms is "33 % worse").
 */
export const NOISE_FLOOR: Record<Unit, number> = { ms: 1, KB: 0.5, MB: 1, bytes: 16 };

export interface Comparison {
  id: string;
  label: string;
  unit: Unit;
  baseline: number;
  latest: number;
  /** (latest - baseline) / |baseline|; positive is worse. */
  change: number;
  regression: boolean;
}

export function compareToBaseline(
  latest: readonly FigureResult[],
  baseline: readonly FigureResult[],
): Comparison[] {
  const before = new Map(baseline.map((figure) => [figure.id, figure]));
  const comparisons: Comparison[] = [];
  for (const figure of latest) {
    const old = before.get(figure.id);
    if (figure.median === null || old?.median == null || old.unit !== figure.unit) continue;
    const delta = figure.median - old.median;
    // Growth figures can be near zero or negative: the share is of the baseline's size.
    const scale = Math.abs(old.median);
    const change = scale === 0 ? (delta === 0 ? 0 : Math.sign(delta) * Infinity) : delta / scale;
    comparisons.push({
      id: figure.id,
      label: figure.label,
      unit: figure.unit,
      baseline: old.median,
      latest: figure.median,
      change,
      regression: change > REGRESSION_SHARE && delta > NOISE_FLOOR[figure.unit],
    });
  }
  return comparisons;
}
