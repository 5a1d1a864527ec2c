import type { Page } from '@playwright/test';
import { newProbedPage, openKiosk } from '../lib/browser';
import { bridgeRoundTrips } from '../lib/bridge-round-trip';
import { brainTimings } from '../lib/brain-timing';
import { measured, type RowSpec } from '../lib/figure';
import { hostRoundTrips } from '../lib/host-round-trip';
import type { BenchWindow } from '../lib/page-probes';
import { KioskStack } from '../lib/stack-client';
import { median, percentile } from '../lib/stats';
import type { FigureGroup } from './figure-group';

const RUNS = 3;
const SESSIONS_PER_RUN = 40;
const SPLIT_SAMPLES = 60;

const p95: RowSpec = {
  id: 'balance.p95',
  label: 'Birth date submitted → balance painted (host 0 ms), p95',
  unit: 'ms',
  budget: 100,
};
const p50: RowSpec = {
  id: 'balance.p50',
  label: 'Birth date submitted → balance painted, p50',
  unit: 'ms',
};
const host: RowSpec = {
  id: 'balance.split.host',
  label: '  split: host round trips (verify + balance)',
  unit: 'ms',
};
const bridge: RowSpec = {
  id: 'balance.split.bridge',
  label: '  split: bridge (WebSocket intent → view)',
  unit: 'ms',
};
const brain: RowSpec = {
  id: 'balance.split.brain',
  label: '  split: brain (in-process, instant host)',
  unit: 'ms',
};
const ui: RowSpec = { id: 'balance.split.ui', label: '  split: UI (remainder of p50)', unit: 'ms' };

/** One session in the page: KPJ via the brain, birth date typed, Enter timed to the balance. */
async function timedSession(page: Page, stack: KioskStack): Promise<number> {
  const { kpj, birthDate } = stack.participant;
  await stack.request({ cmd: 'send', intent: { type: 'start' } });
  await stack.request({ cmd: 'waitScreen', screen: 'enterKpj' });
  await stack.request({ cmd: 'send', intent: { type: 'submitKpj', kpj } });
  await stack.request({ cmd: 'waitScreen', screen: 'enterBirthDate' });
  // The birth date field shows its DD-MM-YYYY mask.
  await page.waitForFunction(() =>
    /-/.test((globalThis as unknown as BenchWindow).__bench.entryText() ?? ''),
  );
  await page.keyboard.type(birthDate.replace(/\D/g, ''));
  await page.waitForFunction(
    (shown) => (globalThis as unknown as BenchWindow).__bench.entryText() === shown,
    birthDate,
  );
  await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.armBalance());
  await page.keyboard.press('Enter');
  const elapsed = await page.waitForFunction(
    () => (globalThis as unknown as BenchWindow).__bench.balance?.result ?? null,
    null,
    { timeout: 10_000 },
  );
  const ms = (await elapsed.jsonValue()) as number;
  await stack.request({ cmd: 'send', intent: { type: 'finish' } });
  await stack.request({ cmd: 'waitScreen', screen: 'thankYou' });
  return ms;
}

export const balanceLatency: FigureGroup = {
  title: 'balance latency',
  rows: [p95, p50, host, bridge, brain, ui],
  async run({ browser, progress }) {
    const stack = await KioskStack.start();
    const page = await newProbedPage(browser);
    try {
      await openKiosk(page, stack.url);
      const p95s: number[] = [];
      const p50s: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const samples: number[] = [];
        for (let i = 0; i < SESSIONS_PER_RUN; i++) samples.push(await timedSession(page, stack));
        p95s.push(percentile(samples, 95));
        p50s.push(percentile(samples, 50));
        progress(
          `balance run ${run}/${RUNS}: p50 ${p50s.at(-1)!.toFixed(1)} ms, p95 ${p95s.at(-1)!.toFixed(1)} ms`,
        );
      }

      const hostRuns: number[] = [];
      const bridgeRuns: number[] = [];
      const brainRuns: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const trips = await hostRoundTrips(stack.hostUrl, stack.participant, SPLIT_SAMPLES);
        hostRuns.push(median(trips.samples));
        bridgeRuns.push(median(await bridgeRoundTrips(stack.url, SPLIT_SAMPLES)));
        brainRuns.push(median(await brainTimings(trips.replies, stack.participant, SPLIT_SAMPLES)));
      }
      progress(
        `balance split: host ${median(hostRuns).toFixed(2)} ms, bridge ${median(bridgeRuns).toFixed(2)} ms, brain ${median(brainRuns).toFixed(2)} ms`,
      );
      // The UI share is what is left of the end-to-end median once the measured parts are off.
      const uiRuns = p50s.map((total, i) => total - hostRuns[i]! - bridgeRuns[i]! - brainRuns[i]!);
      return [
        measured(
          p95,
          p95s,
          `${SESSIONS_PER_RUN} sessions per run; Enter keydown → jht-closing → double rAF`,
        ),
        measured(p50, p50s),
        measured(host, hostRuns, `median of ${SPLIT_SAMPLES} pairs per run, kiosk HTTP client`),
        measured(bridge, bridgeRuns, `median of ${SPLIT_SAMPLES} round trips per run`),
        measured(brain, brainRuns, `median of ${SPLIT_SAMPLES} sessions per run`),
        measured(ui, uiRuns, 'p50 − host − bridge − brain, per run'),
      ];
    } finally {
      await page.context().close();
      await stack.stop();
    }
  },
};
