import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LockRecord } from './launch/kiosk-lock';
import { systemProcesses } from './launch/process-identity';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const START = join(ROOT, 'scripts/start.ts');

interface Started {
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop: () => void;
}

const running = new Set<() => void>();

/**
 * `npm start` (its start script) in `cwd`, never opening a browser, in a process group of its
 * own (tsx runs the script in a child) that is killed whole after 60 s or when the test ends.
 */
function start(cwd: string, args: string[]): Started {
  const child = spawn(TSX, [START, '--no-open', '--shell', 'web', ...args], {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  const kill = () => signal('SIGKILL');
  running.add(kill);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(kill, 60_000);
  const exited = new Promise<number | null>((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(kill);
      done(code);
    }),
  );
  return { stdout: () => stdout, stderr: () => stderr, exited, stop: () => signal('SIGTERM') };
}

/** The lock a kiosk running as `pid` writes. */
const lockOf = (pid: number, where: string): LockRecord => ({
  pid,
  bootId: systemProcesses.bootId(),
  startTime: systemProcesses.startTime(pid),
  where,
});

const checksum = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

let dir: string;
let dataDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-start-'));
  dataDir = join(dir, '.kiosk-data');
  await mkdir(dataDir, { mode: 0o700 });
});
afterEach(async () => {
  for (const kill of running) kill();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('refuses an unknown --devices with the choices, before it takes the lock', async () => {
    const wrong = start(dir, ['--devices', 'xfs']);
    expect(await wrong.exited).toBe(2);
    expect(wrong.stderr()).toBe(
      '--devices xfs: choose one of embedded, usb, xfs4iot, xfs4iot-forms\n',
    );
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an unknown --profile with the choices, before it takes the lock', async () => {
    const wrong = start(dir, ['--profile', 'bank']);
    expect(await wrong.exited).toBe(2);
    expect(wrong.stderr()).toBe('--profile bank: choose one of kiosk, atm\n');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('says in one line that a kiosk already runs, and changes nothing', async () => {
    const lock = join(dataDir, 'kiosk.lock');
    // This test's own process stands in for the running kiosk.
    await writeFile(lock, JSON.stringify(lockOf(process.pid, 'http://127.0.0.1:8080/')));
    const config = join(dataDir, 'embedded-config.json');
    await writeFile(config, JSON.stringify({ host: { url: 'http://127.0.0.1:40123' } }));
    const before = { config: await checksum(config), lock: await checksum(lock) };

    const second = start(dir, []);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(
      `A kiosk is already running (pid ${process.pid}): http://127.0.0.1:8080/\n`,
    );
    expect(second.stdout()).toBe('');
    expect({ config: await checksum(config), lock: await checksum(lock) }).toEqual(before);
    expect((await readdir(dataDir)).sort()).toEqual(['embedded-config.json', 'kiosk.lock']);
  });

  it('starts over a lock a crashed kiosk left, holds it while running and gives it up on stop', async () => {
    const crashed = spawnSync(process.execPath, ['-e', '']).pid!;
    const lock = join(dataDir, 'kiosk.lock');
    await writeFile(
      lock,
      JSON.stringify({ ...lockOf(process.pid, 'http://127.0.0.1:8080/'), pid: crashed }),
    );
    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ host: { url: 'http://127.0.0.1:9' } }));

    const kiosk = start(dir, ['--config', config, '--port', '0']);
    await expect.poll(kiosk.stdout, { timeout: 45_000 }).toMatch(/Kiosk ready/);
    const url = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(kiosk.stdout())![1];
    const held = JSON.parse(await readFile(lock, 'utf8')) as { pid: number; where: string };
    expect(held.pid).not.toBe(crashed);
    expect(held.where).toBe(url);
    kiosk.stop();
    expect(await kiosk.exited).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
