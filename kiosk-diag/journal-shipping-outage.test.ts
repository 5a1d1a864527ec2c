import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import { listJournalFiles } from '../core/journal/journal-files';
import { checkShippedLines, NOTHING_HELD } from '../core/journal/shipped-chain';
import { verifyJournal } from '../core/journal/verify-journal';
import { createKiosk, type Kiosk } from '../core/kiosk/create-kiosk';
import { nextView } from '../core/kiosk/next-view.test-helper';
import { createLogger } from '../core/log/logger';
import { JournalStore, startHostSimulator, type HostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';

const TERMINAL = 'KSK-JKT-01';
let dir: string;
let host: HostSimulator | null;
let kiosk: Kiosk | null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipping-outage-'));
  host = null;
  kiosk = null;
});
afterEach(async () => {
  await kiosk?.stop();
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

const journalDir = () => join(dir, 'journal');
async function localLines(): Promise<string[]> {
  const files = await listJournalFiles(journalDir());
  const texts = await Promise.all(files.map((file) => readFile(file.path, 'utf8')));
  return texts.join('').split('\n').filter(Boolean);
}

/** The kiosk as it runs, over loopback HTTP to the simulator: anchors every second, ships after. */
function startKiosk(url: string): Kiosk {
  const config = parseConfig({
    terminalId: TERMINAL,
    host: { url, timeoutMs: 1000 },
    journal: {
      dir: journalDir(),
      anchorSeconds: 1,
      ship: { batchRecords: 2, retryMaxSeconds: 1 },
    },
    session: { thankYouSeconds: 1 },
    technician: { diagSocket: null },
  });
  return createKiosk(config, { logger: createLogger({ level: 'silent' }), devices: null });
}

async function visit(k: Kiosk) {
  const asked = nextView(k.api, 'enterKpj');
  k.api.send({ type: 'start' });
  await asked;
  const back = nextView(k.api, 'attract');
  k.api.send({ type: 'cancel' });
  await back;
}

/** Waits until the host holds exactly the kiosk's journal (polled, bounded). */
async function hostHoldsEverything() {
  await vi.waitFor(async () => expect(host!.journalLinesOf(TERMINAL)).toEqual(await localLines()), {
    timeout: 15_000,
    interval: 100,
  });
}

describe('journal shipping through a host outage (kiosk, simulator, loopback HTTP)', () => {
  it('keeps writing while the host is down and ships every record exactly once when it is back', async () => {
    const store = new JournalStore(); // the host's storage: it outlives a restart of the host
    host = await startHostSimulator({ journals: store });
    const { port, url } = host;
    kiosk = startKiosk(url);
    await visit(kiosk);
    await hostHoldsEverything();
    const shippedBefore = (await localLines()).length;
    expect(shippedBefore).toBeGreaterThanOrEqual(3); // kioskStarted, sessionStarted, sessionEnded

    // Outage: the host is stopped (connections refused). The kiosk restarts twice meanwhile.
    await host.close();
    host = null;
    for (let restart = 0; restart < 2; restart++) {
      await kiosk.stop();
      kiosk = startKiosk(url);
      await nextView(kiosk.api, 'attract');
    }
    await vi.waitFor(
      async () => {
        const status = await runCaptured(['journal', 'status', '--dir', journalDir(), '--json']);
        expect(status.code).toBe(1); // records wait and the last attempt failed
        expect(status.json()).toMatchObject({
          waiting: { records: (await localLines()).length - shippedBefore },
          cursor: { shipped: { seq: shippedBefore }, lastError: { kind: 'unavailable' } },
        });
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await localLines()).length).toBeGreaterThan(shippedBefore + 3);
    const human = await runCaptured(['journal', 'status', '--dir', journalDir()]);
    expect(human.stdout).toMatch(/waiting\s+\d+ record\(s\)/);
    expect(human.stdout).toContain('shipping is failing (kept on this kiosk, retried by itself)');

    // The host is back on the same address, with what it stored before.
    host = await startHostSimulator({ port, journals: store });
    await hostHoldsEverything();
    const held = host.journalLinesOf(TERMINAL);
    const seqs = held.map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // each record once, in order, none missing
    expect(checkShippedLines(NOTHING_HELD, () => undefined, held, TERMINAL).ok).toBe(true);
    expect((await verifyJournal(journalDir())).ok).toBe(true);

    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({ terminalId: TERMINAL, host: { url }, journal: { dir: journalDir() } }),
    );
    // Records may still come (the kiosk back in service): wait for a moment nothing waits.
    await vi.waitFor(
      async () => {
        const status = await runCaptured(['journal', 'status', '--config', config, '--host']);
        expect(status.stdout).toContain('Result: everything shipped');
        expect(status.code).toBe(0);
        expect(status.stdout).toMatch(
          new RegExp(`host holds\\s+seq ${host!.journalLinesOf(TERMINAL).length} `),
        );
      },
      { timeout: 10_000, interval: 100 },
    );

    // Stopped and started again: the kiosk resumes from what the host says it holds.
    await kiosk.stop();
    kiosk = startKiosk(url);
    await vi.waitFor(
      async () => {
        const now = host!.journalLinesOf(TERMINAL);
        const types = now.slice(held.length).map((line) => JSON.parse(line).type as string);
        expect(types).toEqual(expect.arrayContaining(['kioskStopped', 'kioskStarted']));
        expect(now).toEqual(await localLines());
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(host.journalLinesOf(TERMINAL).slice(0, held.length)).toEqual(held);
  }, 45_000);
});
