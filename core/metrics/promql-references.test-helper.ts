import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IN_SERVICE } from '../common/service-status';
import { KioskMetrics } from './kiosk-metrics';
import { LABEL_VALUES } from './label-values';

/** Series that Prometheus adds itself, for each target. */
const PROMETHEUS_SERIES = new Set(['up']);
/** Labels Prometheus adds (target labels), and the kiosk's own on every series. */
const TARGET_LABELS = new Set(['job', 'instance', 'terminal']);

/** Every series name a kiosk exports with all its sources watched, with its label names. */
export function exportedSeries(): Map<string, Set<string>> {
  const metrics = new KioskMetrics({
    terminalId: 'KSK-REF-01',
    version: '0.0.0',
    profile: 'kiosk',
  });
  metrics.watchJournal({
    head: () => null,
    status: () => null,
    writable: () => true,
    healthInfo: () => ({ refusedRecords: 0 }),
  });
  metrics.watchAnchoring({ lastSent: () => null, lastAnchoredAt: () => null }, 300);
  metrics.watchDevices({ snapshots: () => [], printer: null });
  metrics.watchService({ status: () => IN_SERVICE, onChange: () => () => {} });
  const series = new Map<string, Set<string>>();
  for (const metric of metrics.registry.getMetricsAsArray()) {
    // prom-client keeps the label names on the metric; its typings leave them out.
    const labels = (metric as unknown as { labelNames: string[] }).labelNames;
    if (String(metric.type) !== 'histogram') {
      series.set(metric.name, new Set(labels));
      continue;
    }
    series.set(`${metric.name}_bucket`, new Set([...labels, 'le']));
    series.set(`${metric.name}_sum`, new Set(labels));
    series.set(`${metric.name}_count`, new Set(labels));
  }
  metrics.close();
  return series;
}

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'rate',
  'increase',
  'irate',
  'delta',
  'clamp_min',
  'clamp_max',
  'histogram_quantile',
  'time',
  'timestamp',
  'max_over_time',
  'min_over_time',
  'avg_over_time',
  'topk',
  'bottomk',
  'label_replace',
  'vector',
  'scalar',
  'abs',
  'round',
  'changes',
  'resets',
  'absent',
  'sort',
  'sort_desc',
  'count_over_time',
  'last_over_time',
  'sum_over_time',
  'le',
  'inf',
  'nan',
  'count_values',
]);

/**
 * What in `expr` does not exist on a kiosk: series it names that no kiosk exports, label names
 * no exported series has, values of a closed label that the kiosk never sets. Empty: none.
 * A light reading of PromQL (names, `{...}` matchers, `by (...)`), enough for our own rules.
 */
export function unknownReferences(expr: string, exported = exportedSeries()): string[] {
  const problems: string[] = [];
  const withoutStrings = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' '); // ranges: [5m], [$__rate_interval]
  const allLabels = new Set([
    ...[...exported.values()].flatMap((labels) => [...labels]),
    ...TARGET_LABELS,
  ]);
  const names = withoutStrings.match(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g) ?? [];
  for (const name of names) {
    if (PROMQL_WORDS.has(name.toLowerCase()) || allLabels.has(name) || /^\d/.test(name)) continue;
    if (!exported.has(name) && !PROMETHEUS_SERIES.has(name)) problems.push(`series ${name}`);
  }
  for (const [, body] of expr.matchAll(/\{([^}]*)\}/g))
    for (const [, label, op, value] of body!.matchAll(
      /(\w+)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g,
    )) {
      if (!allLabels.has(label!)) problems.push(`label ${label}`);
      const closed = (LABEL_VALUES as Record<string, readonly string[]>)[label!];
      if (!closed || value!.includes('$')) continue; // a Grafana variable
      const values = op!.includes('~') ? value!.split('|') : [value!];
      for (const one of values) if (!closed.includes(one)) problems.push(`${label}="${one}"`);
    }
  for (const [, list] of expr.matchAll(/\b(?:by|without|on|ignoring)\s*\(([^)]*)\)/g))
    for (const label of list!
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean))
      if (!allLabels.has(label)) problems.push(`label ${label}`);
  return problems;
}

/** Every query of docs/grafana/kiosk-fleet.json with Grafana's variables filled in as it would. */
export function dashboardQueries(): string[] {
  const file = join(import.meta.dirname, '../../docs/grafana/kiosk-fleet.json');
  interface Panel {
    targets?: Array<{ expr: string }>;
    panels?: Panel[];
  }
  const { panels } = JSON.parse(readFileSync(file, 'utf8')) as { panels: Panel[] };
  return panels
    .flatMap((panel) => [panel, ...(panel.panels ?? [])])
    .flatMap((panel) => panel.targets ?? [])
    .map((target) =>
      target.expr.replaceAll('$terminal', '.*').replaceAll('$__rate_interval', '1m'),
    );
}
