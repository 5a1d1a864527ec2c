import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, readLines, writeJournal } from '../core/journal/journal.test-helper';
import { writeShippingCursor, type ShippingCursor } from '../core/journal/shipping-cursor';
import { startHostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';

const FILE = 'journal-2026-11-22.jsonl';
let dir: string;
let cleanup: () => Promise<void>;
let lines: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  await writeJournal(
    { dir, terminalId: 'KSK-JKT-01', now: () => new Date('2026-11-22T03:00:00.000Z') },
    Array.from({ length: 10 }, (_, i) => ({
      type: 'journalWarning' as const,
      data: { message: `note ${i + 1}` },
    })),
  );
  lines = await readLines(join(dir, FILE));
});
afterEach(() => cleanup());

const shippedUpTo = (seq: number, change: Partial<ShippingCursor> = {}): ShippingCursor => ({
  shipped: { seq, hash: JSON.parse(lines[seq - 1]!).hash, file: FILE },
  confirmedAt: '2026-11-22T03:05:00.000Z',
  lastAttemptAt: '2026-11-22T03:05:00.000Z',
  lastError: null,
  nextRetryAt: null,
  ...change,
});
const bytesOf = (some: string[]) => some.reduce((sum, line) => sum + line.length + 1, 0);

describe('kiosk-diag journal status', () => {
  it('without a cursor file: nothing shipped, every record waiting, exit 0', async () => {
    const run = await runCaptured(['journal', 'status', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/shipped\s+nothing yet/);
    expect(run.stdout).toMatch(/local head\s+seq 10 \(journal-2026-11-22\.jsonl\)/);
    expect(run.stdout).toMatch(/waiting\s+10 record\(s\)/);
    expect(run.stdout).toContain('Result: 10 record(s) waiting for the next shipment');
  });

  it('counts the records and bytes after the shipped seq; a failing last attempt exits 1', async () => {
    await writeShippingCursor(
      dir,
      shippedUpTo(6, {
        lastAttemptAt: '2026-11-22T03:10:00.000Z',
        lastError: { at: '2026-11-22T03:10:00.000Z', kind: 'unavailable', detail: 'HTTP 503' },
        nextRetryAt: '2026-11-22T03:10:04.000Z',
      }),
    );
    const json = await runCaptured(['journal', 'status', '--dir', dir, '--json']);
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({
      ok: false,
      localHead: { seq: 10 },
      waiting: { records: 4, bytes: bytesOf(lines.slice(6)), files: [FILE] },
      cursor: { shipped: { seq: 6 }, lastError: { kind: 'unavailable' } },
    });
    const human = await runCaptured(['journal', 'status', '--dir', dir]);
    expect(human.stdout).toMatch(/shipped\s+seq 6, confirmed by the host 2026-11-22T03:05:00.000Z/);
    expect(human.stdout).toMatch(
      /last attempt\s+2026-11-22T03:10:00.000Z failed: unavailable \(HTTP 503\); next try 2026-11-22T03:10:04.000Z/,
    );
    expect(human.stdout).toContain('shipping is failing');
  });

  it('everything shipped: exit 0', async () => {
    await writeShippingCursor(dir, shippedUpTo(10));
    const run = await runCaptured(['journal', 'status', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/waiting\s+nothing/);
    expect(run.stdout).toContain('Result: everything shipped');
  });

  it('blocked (the host holds what this journal lacks) is a problem even with nothing waiting', async () => {
    await writeShippingCursor(
      dir,
      shippedUpTo(10, {
        lastError: {
          at: '2026-11-22T03:10:00.000Z',
          kind: 'blocked',
          detail: 'the host holds seq 12, this journal ends at seq 10',
        },
      }),
    );
    const run = await runCaptured(['journal', 'status', '--dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'failed: blocked (the host holds seq 12, this journal ends at seq 10)',
    );
    expect(run.stdout).toContain('Result: shipping is blocked');
  });

  it('says so when the cursor file is damaged, and counts from nothing shipped', async () => {
    await writeFile(join(dir, 'journal-shipping.json'), '{"shipped":');
    const run = await runCaptured(['journal', 'status', '--dir', dir]);
    expect(run.stdout).toContain('note: journal-shipping.json is not JSON');
    expect(run.stdout).toMatch(/waiting\s+10 record\(s\)/);
  });

  it('--host asks the host which record it holds; exit 3 when it cannot be asked', async () => {
    const host = await startHostSimulator();
    try {
      await writeShippingCursor(dir, shippedUpTo(10));
      const config = join(dir, 'kiosk.json');
      const write = (url: string) =>
        writeFile(
          config,
          JSON.stringify({ terminalId: 'KSK-JKT-01', host: { url }, journal: { dir } }),
        );
      await write(host.url);
      // The host lost what the kiosk shipped: it will be shipped again.
      const behind = await runCaptured(['journal', 'status', '--config', config, '--host']);
      expect(behind.code).toBe(1);
      expect(behind.stdout).toMatch(/host holds\s+seq 0 /);
      expect(behind.stdout).toContain('the kiosk ships the rest again');

      await write('http://127.0.0.1:1');
      const down = await runCaptured(['journal', 'status', '--config', config, '--host']);
      expect(down.code).toBe(3);
      expect(down.stderr).toContain('cannot ask the host http://127.0.0.1:1 what it holds');
    } finally {
      await host.close();
    }
  });
});
