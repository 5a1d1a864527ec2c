import type { Page } from '@playwright/test';
import { newProbedPage, openKiosk } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import { loadHostSimulator } from '../lib/kiosk-parts';
import { KioskStack } from '../lib/stack-client';
import type { FigureGroup } from './figure-group';

const CHECKPOINTS = [1, 100, 1000] as const;
const SERIES = 3;
/** Pause after each session so the connected page renders its screens, as a real one would. */
const PACE_MS = 20;
const MB = 1024 * 1024;

const rssGrowth: RowSpec = {
  id: 'memory.brainRssGrowth',
  label: 'Brain process RSS growth, sessions 100 → 1,000',
  unit: 'MB',
  budget: 5,
};
const heapGrowth: RowSpec = {
  id: 'memory.rendererHeapGrowth',
  label: 'Renderer JS heap growth, sessions 100 → 1,000',
  unit: 'MB',
  budget: 5,
};
const brainHeapGrowth: RowSpec = {
  id: 'memory.brainHeapGrowth',
  label: '  brain JS heap used growth, 100 → 1,000',
  unit: 'MB',
};
const at = (what: 'brainRss' | 'rendererHeap', n: number): RowSpec => ({
  id: `memory.${what}.${n}`,
  label: `  ${what === 'brainRss' ? 'brain RSS' : 'renderer JS heap'} after ${n.toLocaleString('en')} session${n === 1 ? '' : 's'}`,
  unit: 'MB',
});

async function rendererHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

export const memory: FigureGroup = {
  title: 'memory',
  rows: [
    rssGrowth,
    heapGrowth,
    brainHeapGrowth,
    ...CHECKPOINTS.map((n) => at('brainRss', n)),
    ...CHECKPOINTS.map((n) => at('rendererHeap', n)),
  ],
  async run({ browser, progress }) {
    // The host simulator runs here, not in the kiosk process: its token store holds the tokens
    // it issued, which is not the brain's memory.
    const { startHostSimulator, FIXTURES } = await loadHostSimulator();
    const host = await startHostSimulator({ port: 0, latencyMs: 0 });
    const { kpj, birthDate } = FIXTURES.active;
    const series: Reading[][] = [];
    try {
      for (let run = 1; run <= SERIES; run++) {
        const stack = await KioskStack.start({
          hostUrl: host.url,
          participant: { kpj, birthDate },
        });
        const page = await newProbedPage(browser);
        try {
          series.push(
            await oneSeries(stack, page, (line) => progress(`memory ${run}/${SERIES}: ${line}`)),
          );
        } finally {
          await page.context().close();
          await stack.stop();
        }
      }
    } finally {
      await host.close();
    }
    const growth = (pick: (r: Reading) => number) =>
      series.map((readings) => pick(readings[2]!) - pick(readings[1]!));
    const note = `a fresh kiosk process per series; host simulator in another process; GC forced first`;
    return [
      measured(
        rssGrowth,
        growth((r) => r.rss),
        note,
      ),
      measured(
        heapGrowth,
        growth((r) => r.renderer),
        note,
      ),
      measured(
        brainHeapGrowth,
        growth((r) => r.heap),
      ),
      ...CHECKPOINTS.map((n, i) =>
        measured(
          at('brainRss', n),
          series.map((readings) => readings[i]!.rss),
        ),
      ),
      ...CHECKPOINTS.map((n, i) =>
        measured(
          at('rendererHeap', n),
          series.map((readings) => readings[i]!.renderer),
        ),
      ),
    ];
  },
};

interface Reading {
  n: number;
  rss: number;
  heap: number;
  renderer: number;
}

/** Runs sessions up to each checkpoint and reads the memory there, after forcing GC. */
async function oneSeries(
  stack: KioskStack,
  page: Page,
  progress: (line: string) => void,
): Promise<Reading[]> {
  await openKiosk(page, stack.url);
  const readings: Reading[] = [];
  let done = 0;
  for (const n of CHECKPOINTS) {
    const started = performance.now();
    await stack.request({ cmd: 'sessions', count: n - done, paceMs: PACE_MS });
    done = n;
    // Let the page catch up with the last views before collecting garbage.
    await page.waitForTimeout(200);
    const brain = await stack.memory();
    const renderer = await rendererHeapMB(page);
    readings.push({ n, rss: brain.rss / MB, heap: brain.heapUsed / MB, renderer });
    progress(
      `after ${n} sessions (${((performance.now() - started) / 1000).toFixed(1)} s): ` +
        `brain RSS ${(brain.rss / MB).toFixed(1)} MB, renderer heap ${renderer.toFixed(1)} MB`,
    );
  }
  return readings;
}
