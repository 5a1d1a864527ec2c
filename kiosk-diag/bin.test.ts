import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, sessionEntries, writeJournal } from '../core/journal/journal.test-helper';
import { toRun, type CapturedRun } from './capture-io.test-helper';
import { closedPort } from './free-port.test-helper';

const BIN = resolve(import.meta.dirname, '../bin/kiosk-diag.mjs');

/** Spawns the real bin as a technician would, bounded in time. */
function spawnDiag(args: string[], env: Record<string, string> = {}): Promise<CapturedRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, KIOSK_CONFIG: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done(toRun(code ?? -1, stdout, stderr));
    });
  });
}

/** Spawns the bin with its stdout read by nobody: the reader closed it (`| head -3`). */
function spawnWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, KIOSK_CONFIG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('bin/kiosk-diag.mjs', () => {
  it('verifies a journal and prints JSON, exit 0; exit 1 once a record is edited', async () => {
    await writeJournal({ dir }, sessionEntries('s-1'));
    const good = await spawnDiag(['journal', 'verify', '--dir', dir, '--json']);
    expect(good.code).toBe(0);
    expect(good.json()).toMatchObject({ ok: true, records: 5 });

    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
    const path = join(dir, file!);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"kpjLast4":"2128"', '"kpjLast4":"9999"'));
    const bad = await spawnDiag(['journal', 'verify', '--dir', dir, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, problems: [{ seq: 2, kind: 'hashMismatch' }] });
  });

  it('ends quietly with exit 0 when the reader of its output goes away (| head)', async () => {
    await writeJournal({ dir }, sessionEntries('s-1'));
    for (const args of [['--help'], ['journal', 'verify', '--dir', dir]]) {
      const run = await spawnWithClosedStdout(args);
      expect(run).toEqual({ code: 0, stderr: '' });
    }
  });

  it('exits 3 with a JSON error for a host nobody listens on, 2 for a bad config', async () => {
    const unreachable = await spawnDiag([
      'host',
      '--url',
      `http://127.0.0.1:${await closedPort()}`,
      '--count',
      '1',
      '--json',
    ]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.json()).toMatchObject({ ok: false, answered: 0 });

    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ terminalId: 'x' }));
    const bad = await spawnDiag(['host'], { KIOSK_CONFIG: config });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('terminalId');
  });
});
