import type { Page } from '@playwright/test';
import { KPJ_LENGTH } from '../../core/common/domain/kpj';
import { newProbedPage, openKiosk } from '../lib/browser';
import { measured, type RowSpec } from '../lib/figure';
import type { BenchWindow } from '../lib/page-probes';
import { percentile } from '../lib/stats';
import { KioskStack } from '../lib/stack-client';
import type { FigureGroup } from './figure-group';

const RUNS = 3;
const TAPS_PER_RUN = 100;

const p95: RowSpec = {
  id: 'touch.p95',
  label: 'Keypad tap → next painted frame (double rAF), p95',
  unit: 'ms',
  budget: 33,
};
const p50: RowSpec = { id: 'touch.p50', label: '  same, p50', unit: 'ms' };
const frameEndP95: RowSpec = {
  id: 'touch.frameEnd.p95',
  label: '  tap → end of the frame showing it (rAF + message), p95',
  unit: 'ms',
};
const domP95: RowSpec = {
  id: 'touch.dom.p95',
  label: '  tap → entry field changed in the DOM, p95',
  unit: 'ms',
};

const toSendP50: RowSpec = {
  id: 'touch.toSend.p50',
  label: '  tap → digit intent sent on the WebSocket, p50',
  unit: 'ms',
};
const roundTripP50: RowSpec = {
  id: 'touch.socketRoundTrip.p50',
  label: '  intent sent → view back in the page (Chromium WebSocket round trip), p50',
  unit: 'ms',
};

interface Key {
  x: number;
  y: number;
}

/** Centres of the digit keys and of the clear key (the first key that is not a digit). */
async function keypadKeys(page: Page): Promise<{ digits: Key[]; clear: Key }> {
  const buttons = await page.getByRole('group', { name: 'Keypad' }).getByRole('button').all();
  const digits: Key[] = [];
  let clear: Key | null = null;
  for (const button of buttons) {
    const box = await button.boundingBox();
    if (!box) continue;
    const key = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const text = (await button.textContent())?.trim() ?? '';
    if (/^\d$/.test(text)) digits.push(key);
    else clear ??= key;
  }
  if (digits.length !== 10 || !clear) throw new Error('keypad has not 10 digits and a clear key');
  return { digits, clear };
}

type TapSamples = Pick<
  BenchWindow['__bench'],
  'taps' | 'tapsToDom' | 'tapsFrameEnd' | 'tapsToSend' | 'tapsSendToView'
>;

/**
 * Taps keys as a person would: 11 digits then clear, over and over from an empty field (each
 * run is a new session), so every tap changes the field. Playwright's tap releases at once, so a finger's contact time
 * is not in the figure.
 */
async function tapRun(page: Page, taps: number): Promise<TapSamples> {
  const { digits, clear } = await keypadKeys(page);
  const counts = await page.evaluate(() => {
    const bench = (globalThis as unknown as BenchWindow).__bench;
    return { taps: bench.taps.length, socket: bench.tapsToSend.length };
  });
  const before = counts.taps;
  for (let i = 0; i < taps; i++) {
    const key = i % (KPJ_LENGTH + 1) === KPJ_LENGTH ? clear : digits[i % 10]!;
    await page.mouse.click(key.x, key.y);
    await page.waitForFunction(
      (n) => (globalThis as unknown as BenchWindow).__bench.taps.length >= n,
      before + i + 1,
      { timeout: 5_000 },
    );
  }
  return page.evaluate(({ taps, socket }) => {
    const bench = (globalThis as unknown as BenchWindow).__bench;
    return {
      taps: bench.taps.slice(taps),
      tapsToDom: bench.tapsToDom.slice(taps),
      tapsFrameEnd: bench.tapsFrameEnd.slice(taps),
      tapsToSend: bench.tapsToSend.slice(socket),
      tapsSendToView: bench.tapsSendToView.slice(socket),
    };
  }, counts);
}

export const touchLatency: FigureGroup = {
  title: 'touch latency',
  rows: [p95, p50, frameEndP95, domP95, toSendP50, roundTripP50],
  async run({ browser, progress }) {
    const stack = await KioskStack.start();
    const page = await newProbedPage(browser);
    try {
      await openKiosk(page, stack.url);
      const runs = {
        p95: [] as number[],
        p50: [] as number[],
        frameEnd: [] as number[],
        dom: [] as number[],
        toSend: [] as number[],
        roundTrip: [] as number[],
      };
      for (let run = 1; run <= RUNS; run++) {
        await stack.request({ cmd: 'send', intent: { type: 'start' } });
        await stack.request({ cmd: 'waitScreen', screen: 'enterKpj' });
        await page.getByTestId('entry-value').waitFor();
        const samples = await tapRun(page, TAPS_PER_RUN);
        await stack.request({ cmd: 'send', intent: { type: 'cancel' } });
        await stack.request({ cmd: 'waitScreen', screen: 'thankYou' });
        runs.p95.push(percentile(samples.taps, 95));
        runs.p50.push(percentile(samples.taps, 50));
        runs.frameEnd.push(percentile(samples.tapsFrameEnd, 95));
        runs.dom.push(percentile(samples.tapsToDom, 95));
        runs.toSend.push(percentile(samples.tapsToSend, 50));
        runs.roundTrip.push(percentile(samples.tapsSendToView, 50));
        progress(
          `touch run ${run}/${RUNS}: p50 ${runs.p50.at(-1)!.toFixed(1)} ms, p95 ${runs.p95.at(-1)!.toFixed(1)} ms ` +
            `(DOM p95 ${runs.dom.at(-1)!.toFixed(1)} ms)`,
        );
      }
      const note = `${TAPS_PER_RUN} taps per run; pointerdown → entry field mutation → double rAF`;
      return [
        measured(p95, runs.p95, note),
        measured(p50, runs.p50),
        measured(frameEndP95, runs.frameEnd),
        measured(domP95, runs.dom),
        measured(toSendP50, runs.toSend),
        measured(roundTripP50, runs.roundTrip),
      ];
    } finally {
      await page.context().close();
      await stack.stop();
    }
  },
};
