import type { Browser, Page } from '@playwright/test';
import { UI_SECRET_FRAGMENT_KEY } from '../../core/common/api/channels';
import { launchChromium, newProbedPage, openKiosk, startButton } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import { loadHostSimulator } from '../lib/kiosk-parts';
import { KioskStack } from '../lib/stack-client';
import type { FigureGroup } from './figure-group';

const RUNS = 3;

const brainTotal: RowSpec = {
  id: 'recovery.brainKilled',
  label: 'Brain killed mid-session → open page back on the start screen',
  unit: 'ms',
  budget: 5000,
};
const brainToReady: RowSpec = {
  id: 'recovery.brainKilledToReady',
  label: '  part: kill → new brain listening',
  unit: 'ms',
};
const rendererTotal: RowSpec = {
  id: 'recovery.rendererCrashed',
  label: 'Renderer crashed mid-session → start screen in a new Chromium',
  unit: 'ms',
  budget: 2000,
};

/** Starts a visit and types a few KPJ digits: what must not come back after a crash. */
async function startVisit(page: Page): Promise<void> {
  await startButton(page).click();
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const digit of '123') await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** The start screen, and nothing of the visit before: the brain ended it. */
async function expectFreshStart(page: Page): Promise<void> {
  await startButton(page).waitFor({ state: 'visible', timeout: 20_000 });
  if (await page.getByTestId('entry-value').count())
    throw new Error('the typed KPJ came back after the crash');
}

/**
 * Crash recovery, as systemd and cage would do it but without their restart delays: the brain
 * is SIGKILLed and started again at once on the same port and UI secret (the open page
 * reconnects on its own); the renderer is crashed (CDP Page.crash) and a new Chromium opens the
 * kiosk. Both from a visit in progress, which must be gone afterwards.
 */
export const recovery: FigureGroup = {
  title: 'crash recovery',
  rows: [brainTotal, brainToReady, rendererTotal],
  async run({ browser }) {
    const { startHostSimulator, FIXTURES } = await loadHostSimulator();
    const host = await startHostSimulator({ port: 0, latencyMs: 0 });
    const participant = { kpj: FIXTURES.active.kpj, birthDate: FIXTURES.active.birthDate };
    const totals: number[] = [];
    const toReady: number[] = [];
    const renderer: number[] = [];
    let stack = await KioskStack.start({ hostUrl: host.url, participant });
    const url = new URL(stack.url);
    const restartOptions = {
      hostUrl: host.url,
      participant,
      webPort: Number(url.port),
      uiSecret: new URLSearchParams(url.hash.slice(1)).get(UI_SECRET_FRAGMENT_KEY) ?? undefined,
    };
    let page = await newProbedPage(browser);
    const browsers: Browser[] = [];
    try {
      await openKiosk(page, stack.url);
      for (let i = 0; i < RUNS; i++) {
        await startVisit(page);
        const killedAt = performance.now();
        await stack.crash();
        stack = await KioskStack.start(restartOptions);
        toReady.push(performance.now() - killedAt);
        await expectFreshStart(page);
        totals.push(performance.now() - killedAt);
      }
      for (let i = 0; i < RUNS; i++) {
        await startVisit(page);
        const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
        const crashedAt = performance.now();
        const cdp = await page.context().newCDPSession(page);
        void cdp.send('Page.crash').catch(() => {});
        await crashed;
        const fresh = await launchChromium();
        browsers.push(fresh);
        page = await newProbedPage(fresh);
        await openKiosk(page, stack.url, 20_000);
        await expectFreshStart(page);
        renderer.push(performance.now() - crashedAt);
      }
    } finally {
      for (const opened of browsers) await opened.close();
      await stack.stop();
      await host.close();
    }
    const brainNote = 'restarted at once (systemd adds its RestartSec); host simulator at 0 ms';
    return [
      measured(brainTotal, totals, brainNote),
      measured(brainToReady, toReady),
      measured(rendererTotal, renderer, 'headless Chromium launched anew, as cage restarts it'),
    ];
  },
};
