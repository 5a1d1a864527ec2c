import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { newProbedPage, openKiosk } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import { ROOT } from '../lib/optional-module';
import type { FigureGroup } from './figure-group';

const RUNS = 5;
/** Runs thrown away when the launcher rebuilt the renderer (someone edited its sources). */
const MAX_DISCARDED = 3;

const total: RowSpec = {
  id: 'coldStart.total',
  label: 'Cold start: launcher spawn → attract interactive',
  unit: 'ms',
  budget: 1500,
};
const toReady: RowSpec = {
  id: 'coldStart.spawnToReady',
  label: '  part: spawn → "Kiosk ready" line',
  unit: 'ms',
};
const toInteractive: RowSpec = {
  id: 'coldStart.readyToInteractive',
  label: '  part: ready → "Mulai" visible and enabled',
  unit: 'ms',
};
const selfReported: RowSpec = {
  id: 'coldStart.selfReported',
  label: '  launcher’s own "ready in N ms" (from its Node process start)',
  unit: 'ms',
};

interface Launched {
  url: string;
  selfReportedMs: number;
  /** The launcher found the renderer older than its sources and rebuilt it: not a cold start. */
  rebuilt: boolean;
  stop(): Promise<void>;
}

const READY_LINE = /Kiosk ready in (\d+) ms/;
/** The owner-only launch file that forwards to the page with the UI secret (never printed). */
const OPEN_LINE = /^Open (file:\S+) in Chromium/;

/**
 * The launcher as `npm start` runs it (tsx scripts/start.ts), web shell, ephemeral port, no
 * browser of its own (--no-open, and no DISPLAY in case an older launcher lacks the flag).
 * npm's own start-up is not counted.
 */
function spawnLauncher(): Promise<Launched> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/start.ts', '--shell', 'web', '--no-open', '--port', '0'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('launcher printed no ready line within 30 s'));
    }, 30_000);
    let rebuilt = false;
    let selfReportedMs: number | null = null;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/Building the touchscreen UI/.test(line)) rebuilt = true;
      const ready = READY_LINE.exec(line);
      if (ready) selfReportedMs = Number(ready[1]);
      const open = OPEN_LINE.exec(line);
      if (!open || selfReportedMs === null) return;
      clearTimeout(timer);
      resolve({ url: open[1]!, selfReportedMs, rebuilt, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited (${code}) before ready: ${errors.trim().slice(0, 300)}`));
    });
  });
}

export const coldStart: FigureGroup = {
  title: 'cold start',
  rows: [total, toReady, toInteractive, selfReported],
  async run({ browser, progress }) {
    const totals: number[] = [];
    const readies: number[] = [];
    const interactives: number[] = [];
    const selfReports: number[] = [];
    // One untimed launch first: fills the OS file cache and tsx's transform cache, so every
    // timed run starts from the same state (fresh processes, warm disk).
    const warmUp = await spawnLauncher();
    await warmUp.stop();
    let discarded = 0;
    for (let run = 1; run <= RUNS;) {
      const page = await newProbedPage(browser);
      const spawnedAt = performance.now();
      const launched = await spawnLauncher();
      const readyAt = performance.now();
      try {
        if (launched.rebuilt) {
          if (++discarded > MAX_DISCARDED)
            throw new Error('the launcher keeps rebuilding the renderer');
          progress(`cold start: launcher rebuilt the renderer; run discarded`);
          continue;
        }
        await openKiosk(page, launched.url);
        const interactiveAt = performance.now();
        totals.push(interactiveAt - spawnedAt);
        readies.push(readyAt - spawnedAt);
        interactives.push(interactiveAt - readyAt);
        selfReports.push(launched.selfReportedMs);
        progress(`cold start run ${run}/${RUNS}: ${(interactiveAt - spawnedAt).toFixed(0)} ms`);
        run++;
      } finally {
        await page.context().close();
        await launched.stop();
      }
    }
    const note = 'renderer built beforehand, build not counted; after one untimed warm-up launch';
    return [
      measured(total, totals, note),
      measured(toReady, readies),
      measured(toInteractive, interactives, 'fresh browser context (empty cache)'),
      measured(selfReported, selfReports),
    ];
  },
};
