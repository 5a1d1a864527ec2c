/**
 * `npm run bench`: the kiosk's performance figures, each the median of several runs, written
 * to bench/results/latest.{json,md}. Options:
 *   --compare <baseline.json>   flag figures more than 20 % worse than that baseline
 *   --fail-on-regression        exit 1 when --compare finds a regression
 *   --save-baseline             also write the results to bench/results/baseline.json
 *   --no-build                  use dist/renderer as it is (default: build it first, untimed)
 *   --only <a,b>                run only the figure groups whose titles contain these words
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { balanceLatency } from './figures/balance-latency';
import { bundleSize } from './figures/bundle-size';
import { coldStart } from './figures/cold-start';
import { productionStart } from './figures/production-start';
import type { FigureGroup } from './figures/figure-group';
import { memory } from './figures/memory';
import { receipt } from './figures/receipt';
import { reconnect } from './figures/reconnect';
import { recovery } from './figures/recovery';
import { touchLatency } from './figures/touch-latency';
import { launchChromium } from './lib/browser';
import { buildRenderer } from './lib/build-renderer';
import { compareToBaseline } from './lib/compare';
import { notAvailable, type FigureResult } from './lib/figure';
import { describeMachine, machineLine } from './lib/machine';
import { comparisonTable, figuresTable, markdownReport } from './lib/markdown-report';
import { MissingPart, ROOT } from './lib/optional-module';
import { readResults, writeResults, type BenchResults } from './lib/results-file';

const GROUPS: FigureGroup[] = [
  bundleSize,
  receipt,
  reconnect,
  coldStart,
  productionStart,
  touchLatency,
  balanceLatency,
  memory,
  recovery,
];

const { values: args } = parseArgs({
  options: {
    compare: { type: 'string' },
    'fail-on-regression': { type: 'boolean', default: false },
    'save-baseline': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const resultsDir = join(ROOT, 'bench/results');
const clock = performance.now();
const progress = (line: string) =>
  console.log(`[${((performance.now() - clock) / 1000).toFixed(1).padStart(5)} s] ${line}`);

async function runGroup(group: FigureGroup, browser: Browser): Promise<FigureResult[]> {
  progress(`${group.title}…`);
  try {
    return await group.run({ browser, progress });
  } catch (error) {
    const reason =
      error instanceof MissingPart
        ? `${error.part} missing`
        : `failed: ${(error as Error).message ?? String(error)}`.split('\n')[0]!;
    progress(`${group.title}: ${reason}`);
    return group.rows.map((row) => notAvailable(row, reason));
  }
}

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const wanted = args.only?.split(',').map((word) => word.trim());
  const groups = wanted ? GROUPS.filter((g) => wanted.some((w) => g.title.includes(w))) : GROUPS;
  if (!groups.length) {
    console.error(
      `bench: no figure group matches --only ${args.only}; the groups are: ${GROUPS.map((g) => `"${g.title}"`).join(', ')}`,
    );
    return 2;
  }

  if (!args['no-build']) {
    progress('building the renderer (not timed)…');
    buildRenderer();
  }
  const browser = await launchChromium();
  const machine = describeMachine(browser.version());
  progress(`machine: ${machineLine(machine)}`);
  const figures: FigureResult[] = [];
  try {
    for (const group of groups) figures.push(...(await runGroup(group, browser)));
  } finally {
    await browser.close();
  }

  const results: BenchResults = {
    startedAt,
    durationSeconds: (performance.now() - clock) / 1000,
    machine,
    figures,
  };
  const baseline = args.compare ? readResults(args.compare) : undefined;
  const comparisons = baseline ? compareToBaseline(figures, baseline.figures) : undefined;
  writeResults(join(resultsDir, 'latest.json'), results);
  const report = markdownReport({
    ...results,
    ...(comparisons ? { comparisons, baselinePath: args.compare } : {}),
  });
  writeFileSync(join(resultsDir, 'latest.md'), report);
  if (args['save-baseline']) writeResults(join(resultsDir, 'baseline.json'), results);

  console.log('\n' + figuresTable(figures) + '\n');
  console.log(`Machine: ${machineLine(machine)}`);
  console.log(
    `Written: bench/results/latest.json, latest.md${args['save-baseline'] ? ', baseline.json' : ''}`,
  );
  if (!comparisons) return 0;
  console.log('\n' + comparisonTable(comparisons) + '\n');
  console.log(
    `Load average at start: ${machine.loadAverageAtStart} now, ` +
      `${baseline?.machine.loadAverageAtStart ?? '?'} for the baseline (timings are only comparable on similar load).`,
  );
  const regressions = comparisons.filter((c) => c.regression);
  console.log(
    regressions.length
      ? `${regressions.length} figure(s) more than 20 % worse than ${args.compare}: ${regressions.map((r) => r.id).join(', ')}`
      : `No figure more than 20 % worse than ${args.compare}.`,
  );
  return regressions.length && args['fail-on-regression'] ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
