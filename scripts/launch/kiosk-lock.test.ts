import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alreadyRunning, takeKioskLock } from './kiosk-lock';

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the kiosk lock', () => {
  it('is refused while its holder runs, and names the holder and its screen', () => {
    const first = takeKioskLock(dir, process.pid);
    expect(first.ok).toBe(true);
    if (first.ok) first.lock.update('http://127.0.0.1:8080/');
    const second = takeKioskLock(dir, 4242);
    expect(second).toEqual({
      ok: false,
      holder: { pid: process.pid, where: 'http://127.0.0.1:8080/' },
    });
    if (!second.ok)
      expect(alreadyRunning(second.holder)).toBe(
        `A kiosk is already running (pid ${process.pid}): http://127.0.0.1:8080/`,
      );
  });

  it('is taken over from a kiosk that crashed, and given up on release', async () => {
    const crashed = deadPid();
    await writeFile(join(dir, 'kiosk.lock'), JSON.stringify({ pid: crashed, where: null }));
    const taken = takeKioskLock(dir, process.pid);
    expect(taken.ok).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'kiosk.lock'), 'utf8')).pid).toBe(process.pid);
    if (taken.ok) taken.lock.release();
    expect(takeKioskLock(dir, 4242).ok).toBe(true);
  });

  it('is taken over when written before the machine last booted (its pid is someone else’s now)', async () => {
    const path = join(dir, 'kiosk.lock');
    await writeFile(path, JSON.stringify({ pid: process.pid, where: null }));
    const lastYear = new Date(Date.now() - 365 * 86_400_000);
    await utimes(path, lastYear, lastYear);
    expect(takeKioskLock(dir, 4242).ok).toBe(true);
  });

  it('is taken over when it is unreadable', async () => {
    await writeFile(join(dir, 'kiosk.lock'), '{"pid":');
    expect(takeKioskLock(dir, 4242).ok).toBe(true);
  });
});
