import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeTempDir,
  manualClock,
  readLines,
  sessionEntries,
  writeJournal,
  writeLines,
} from '../core/journal/journal.test-helper';
import { openJournal } from '../core/journal/journal-writer';
import { captureIo, runCaptured } from './capture-io.test-helper';
import { runDiag } from './main';

let dir: string;
let cleanup: () => Promise<void>;
const FILE = 'journal-2026-11-22.jsonl';

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  const clock = manualClock();
  await writeJournal({ dir, now: () => (clock.advance(60_000), clock.now()) }, [
    ...sessionEntries('s-1'),
    ...sessionEntries('s-2'),
  ]);
});
afterEach(() => cleanup());

describe('kiosk-diag journal verify', () => {
  it('reports an intact journal and exits 0', async () => {
    const run = await runCaptured(['journal', 'verify', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/records\s+10/);
    expect(run.stdout).toContain('Result: intact');
  });

  it('names file, line, seq and kind of an edited record and exits 1', async () => {
    const path = join(dir, FILE);
    const lines = await readLines(path);
    lines[2] = lines[2]!.replace('"result":"success"', '"result":"failed"');
    await writeLines(path, lines);

    const human = await runCaptured(['journal', 'verify', '--dir', dir]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(new RegExp(`${FILE}\\s+3\\s+3\\s+hashMismatch`));
    expect(human.stdout).toContain('Result: 1 problem found');

    const json = await runCaptured(['journal', 'verify', '--dir', dir, '--json']);
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({
      ok: false,
      problems: [{ file: FILE, line: 3, seq: 3, kind: 'hashMismatch' }],
    });
  });

  it('catches records cut off the end with --anchor', async () => {
    const verified = (await runCaptured(['journal', 'verify', '--dir', dir, '--json'])).json();
    const path = join(dir, FILE);
    await writeLines(path, (await readLines(path)).slice(0, 8));
    const anchor = `${verified.lastSeq}:${verified.headHash}`;
    const run = await runCaptured(['journal', 'verify', '--dir', dir, '--anchor', anchor]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('seqGap');
  });

  it('exits 2 for a folder that does not exist or a bad anchor', async () => {
    expect((await runCaptured(['journal', 'verify', '--dir', join(dir, 'nope')])).code).toBe(2);
    const bad = await runCaptured(['journal', 'verify', '--dir', dir, '--anchor', '12']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--anchor must be SEQ:HASH');
  });

  it('takes the folder from the config file', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ journal: { dir } }));
    const run = await runCaptured(['journal', 'verify', '--json'], {
      env: { KIOSK_CONFIG: config },
    });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ dir, records: 10 });
  });
});

describe('kiosk-diag journal export', () => {
  it('writes CSV to stdout: header and one row per record', async () => {
    const run = await runCaptured(['journal', 'export', '--dir', dir, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('seq,ts,terminalId,type,data,prev,hash');
    expect(rows).toHaveLength(11);
    expect(rows[2]).toMatch(
      /^2,2026-11-22T03:02:00.000Z,KSK-TEST-01,identified,"{""kpjLast4"":""2128""/,
    );
  });

  it('writes a time range to a file and says how many records', async () => {
    const out = join(dir, 'export.jsonl');
    const run = await runCaptured([
      'journal',
      'export',
      '--dir',
      dir,
      '--out',
      out,
      '--from',
      '2026-11-22T03:03:00Z',
      '--to',
      '2026-11-22T03:05:00Z',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ records: 2, format: 'jsonl', out });
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([3, 4]);
  });

  it('refuses a date it cannot read', async () => {
    const run = await runCaptured(['journal', 'export', '--dir', dir, '--from', 'yesterday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from');
  });
});

describe('kiosk-diag journal tail', () => {
  it('prints the last N records', async () => {
    const run = await runCaptured(['journal', 'tail', '--dir', dir, '-n', '2']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\s*9\s+2026-11-22T03:09:00.000Z\s+balanceDisplayed\s+sessionId=s-2 shown=true$/,
    );
    expect(lines[1]).toMatch(/sessionEnded/);
  });

  it('--follow prints records appended later and stops on Ctrl-C', async () => {
    const { io, stop, stdout } = captureIo();
    const running = runDiag(['journal', 'tail', '--dir', dir, '-n', '0', '-f', '--json'], io);
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    await writer.append({ type: 'technicianAction', data: { action: 'testPrint' } });
    await writer.close();
    await expect.poll(() => stdout(), { timeout: 5000 }).toContain('technicianAction');
    stop();
    expect(await running).toBe(0);
    const records = stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(records.map((r) => r.seq)).toEqual([11]);
  });
});
