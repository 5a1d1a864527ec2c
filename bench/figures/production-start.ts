import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildProduction } from '../../scripts/build/production-build';
import { startHostSimulator } from '../../simulators/host';
import { newProbedPage, openKiosk } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import { ROOT } from '../lib/optional-module';
import type { FigureGroup } from './figure-group';

const RUNS = 5;

type Variant = 'production' | 'tsx';
const VARIANTS: Record<Variant, string> = {
  production: 'production build (node dist/app/kiosk-web.mjs)',
  tsx: 'dev launcher (bin/kiosk-web.mjs through tsx)',
};

const rows = (variant: Variant) => ({
  ready: {
    id: `productionStart.${variant}.spawnToReady`,
    label: `Cold start, ${VARIANTS[variant]}: spawn → "Kiosk ready" line`,
    unit: 'ms',
  } satisfies RowSpec,
  interactive: {
    id: `productionStart.${variant}.spawnToInteractive`,
    label: `  ${variant}: spawn → "Mulai" visible and enabled`,
    unit: 'ms',
  } satisfies RowSpec,
  self: {
    id: `productionStart.${variant}.selfReported`,
    label: `  ${variant}: its own "ready in N ms" (from its Node process start)`,
    unit: 'ms',
  } satisfies RowSpec,
});

interface Started {
  launchUrl: string;
  selfReportedMs: number;
  stop(): Promise<void>;
}

/** kiosk-web with `script` (the bundle or the tsx-run bin), as its service unit starts it. */
function startKioskWeb(script: string, config: string, cwd: string): Promise<Started> {
  const child = spawn(process.execPath, [script, '--config', config, '--port', '0'], {
    cwd,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script}: no ready line within 30 s`));
    }, 30_000);
    let selfReportedMs: number | null = null;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /Kiosk ready in (\d+) ms/.exec(line);
      if (ready) selfReportedMs = Number(ready[1]);
      const open = /^Open (file:\S+) in Chromium/.exec(line);
      if (!open || selfReportedMs === null) return;
      clearTimeout(timer);
      resolve({ launchUrl: open[1]!, selfReportedMs, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before ready: ${errors.trim().slice(0, 300)}`));
    });
  });
}

export const productionStart: FigureGroup = {
  title: 'production cold start',
  rows: (['production', 'tsx'] as const).flatMap((v) => Object.values(rows(v))),
  async run({ browser, progress }) {
    // The build goes outside the checkout, so the bundle finds no dev dependency to lean on.
    const dir = mkdtempSync(join(tmpdir(), 'bench-prod-'));
    const host = await startHostSimulator({ port: 0 });
    try {
      const built = await buildProduction(ROOT, join(dir, 'dist'));
      cpSync(join(ROOT, 'dist/renderer'), join(dir, 'dist/renderer'), { recursive: true });
      const config = join(dir, 'kiosk.json');
      writeFileSync(
        config,
        JSON.stringify({
          host: { url: host.url },
          journal: { dir: join(dir, 'journal') },
          technician: { diagSocket: null },
        }),
      );
      const scripts: Record<Variant, { script: string; cwd: string }> = {
        production: { script: join(built.appDir, 'kiosk-web.mjs'), cwd: dir },
        tsx: { script: join(ROOT, 'bin/kiosk-web.mjs'), cwd: dir },
      };
      const samples = new Map<string, number[]>();
      const add = (id: string, value: number) =>
        samples.set(id, [...(samples.get(id) ?? []), value]);
      // One untimed start of each first (file cache, tsx's transform cache); then they alternate,
      // so a busy moment of the machine hits both alike.
      for (const variant of ['production', 'tsx'] as const)
        await (await startKioskWeb(scripts[variant].script, config, scripts[variant].cwd)).stop();
      for (let run = 1; run <= RUNS; run++) {
        for (const variant of ['production', 'tsx'] as const) {
          const page = await newProbedPage(browser);
          const spawnedAt = performance.now();
          const started = await startKioskWeb(
            scripts[variant].script,
            config,
            scripts[variant].cwd,
          );
          const readyAt = performance.now();
          try {
            await openKiosk(page, started.launchUrl);
            const interactiveAt = performance.now();
            const row = rows(variant);
            add(row.ready.id, readyAt - spawnedAt);
            add(row.interactive.id, interactiveAt - spawnedAt);
            add(row.self.id, started.selfReportedMs);
            progress(`${variant} run ${run}/${RUNS}: ready ${(readyAt - spawnedAt).toFixed(0)} ms`);
          } finally {
            await page.context().close();
            await started.stop();
          }
        }
      }
      const note = 'host simulator, no devices; after one untimed start of each';
      return (['production', 'tsx'] as const).flatMap((variant) => {
        const row = rows(variant);
        return [
          measured(row.ready, samples.get(row.ready.id)!, note),
          measured(row.interactive, samples.get(row.interactive.id)!, 'fresh browser context'),
          measured(row.self, samples.get(row.self.id)!),
        ];
      });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
