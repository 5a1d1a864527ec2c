import type { Comparison } from './compare';
import type { FigureResult, Unit } from './figure';
import { machineLine, type Machine } from './machine';

const DECIMALS: Record<Unit, number> = { ms: 1, KB: 1, MB: 2, bytes: 0 };

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  return `${value.toFixed(DECIMALS[unit])} ${unit}`;
}

const STATUS_TEXT: Record<FigureResult['status'], string> = {
  pass: 'pass',
  over: '**over**',
  info: '',
  notAvailable: 'n/a',
};

/** The short results table: figure, median, min, max, budget, pass/over, runs, note. */
export function figuresTable(figures: readonly FigureResult[]): string {
  const rows = figures.map((f) =>
    [
      f.label,
      formatValue(f.median, f.unit),
      formatValue(f.min, f.unit),
      formatValue(f.max, f.unit),
      f.budget === null ? '' : `≤ ${formatValue(f.budget, f.unit)}`,
      STATUS_TEXT[f.status],
      f.samples.length ? String(f.samples.length) : '',
      (f.note ?? '').replace(/\|/g, '/'),
    ].join(' | '),
  );
  return [
    '| figure | median | min | max | budget | result | runs | note |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

export function comparisonTable(comparisons: readonly Comparison[]): string {
  const rows = comparisons.map(
    (c) =>
      `| ${c.label} | ${formatValue(c.baseline, c.unit)} | ${formatValue(c.latest, c.unit)} | ` +
      `${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(0)} % | ${c.regression ? '**regression**' : 'ok'} |`,
  );
  return [
    '| figure | baseline | latest | change | verdict |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

export function markdownReport(input: {
  figures: readonly FigureResult[];
  machine: Machine;
  startedAt: string;
  durationSeconds: number;
  comparisons?: readonly Comparison[];
  baselinePath?: string;
}): string {
  const parts = [
    '# Kiosk benchmark: latest run',
    '',
    `Run ${input.startedAt}, took ${input.durationSeconds.toFixed(0)} s.`,
    `Machine: ${machineLine(input.machine)}.`,
    '',
    figuresTable(input.figures),
  ];
  if (input.comparisons) {
    parts.push('', `## Against ${input.baselinePath ?? 'the baseline'}`, '');
    parts.push(comparisonTable(input.comparisons));
  }
  return parts.join('\n') + '\n';
}
