import type { Page } from '@playwright/test';
import { newProbedPage, openKiosk } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import { KioskStack } from '../lib/stack-client';
import type { FigureGroup } from './figure-group';

const CHECKPOINTS = [1, 100, 1000] as const;
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
    const stack = await KioskStack.start();
    const page = await newProbedPage(browser);
    try {
      await openKiosk(page, stack.url);
      const readings: Array<{ n: number; rss: number; heap: number; renderer: number }> = [];
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
          `memory after ${n} sessions (${((performance.now() - started) / 1000).toFixed(1)} s): ` +
            `brain RSS ${(brain.rss / MB).toFixed(1)} MB, renderer heap ${renderer.toFixed(1)} MB`,
        );
      }
      const [, hundred, thousand] = readings as [
        unknown,
        (typeof readings)[0],
        (typeof readings)[0],
      ];
      const note =
        'one series; GC forced first (node --expose-gc, CDP HeapProfiler.collectGarbage)';
      return [
        measured(rssGrowth, [thousand.rss - hundred.rss], note),
        measured(heapGrowth, [thousand.renderer - hundred.renderer], note),
        measured(brainHeapGrowth, [thousand.heap - hundred.heap]),
        ...readings.map((r) => measured(at('brainRss', r.n), [r.rss])),
        ...readings.map((r) => measured(at('rendererHeap', r.n), [r.renderer])),
      ];
    } finally {
      await page.context().close();
      await stack.stop();
    }
  },
};
