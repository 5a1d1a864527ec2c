import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alreadyRunning, takeKioskLock, type LockRecord } from './kiosk-lock';
import { systemProcesses, type ProcessTable } from './process-identity';

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** The lock a kiosk running as `pid` writes. */
const lockOf = (pid: number, where: string | null = null): LockRecord => ({
  pid,
  bootId: systemProcesses.bootId(),
  startTime: systemProcesses.startTime(pid),
  where,
});

/** A machine without /proc: only whether a pid runs can be asked. */
const withoutProc: ProcessTable = { ...systemProcesses, bootId: () => null };

const lastYear = new Date(Date.now() - 365 * 86_400_000);

let dir: string;
let lockPath: string;
const writeLock = (content: LockRecord | string) =>
  writeFile(lockPath, typeof content === 'string' ? content : JSON.stringify(content));
const readLock = async () => JSON.parse(await readFile(lockPath, 'utf8')) as LockRecord;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-lock-'));
  lockPath = join(dir, 'kiosk.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the kiosk lock', () => {
  it('is refused while its holder runs, and names the holder and its screen', () => {
    const first = takeKioskLock(dir);
    expect(first.ok).toBe(true);
    if (first.ok) expect(first.lock.update('http://127.0.0.1:8080/')).toBe(true);
    const second = takeKioskLock(dir, { pid: 4242 });
    expect(second).toEqual({
      ok: false,
      holder: { pid: process.pid, where: 'http://127.0.0.1:8080/' },
    });
    if (!second.ok)
      expect(alreadyRunning(second.holder)).toBe(
        `A kiosk is already running (pid ${process.pid}): http://127.0.0.1:8080/`,
      );
  });

  it('records the boot id and the start time of its process', async () => {
    expect(takeKioskLock(dir).ok).toBe(true);
    const held = await readLock();
    expect(held).toEqual({ ...lockOf(process.pid), where: null });
    expect(held.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(held.startTime).toMatch(/^\d+$/);
  });

  it('is taken over from a kiosk that crashed, and given up on release', async () => {
    await writeLock({ ...lockOf(process.pid), pid: deadPid() });
    const taken = takeKioskLock(dir);
    expect(taken.ok).toBe(true);
    expect((await readLock()).pid).toBe(process.pid);
    if (taken.ok) taken.lock.release();
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(true);
  });

  it('stays refused when the clock jumped forward since it was written (an old mtime)', async () => {
    await writeLock(lockOf(process.pid));
    await utimes(lockPath, lastYear, lastYear);
    expect(takeKioskLock(dir, { pid: 4242 })).toEqual({
      ok: false,
      holder: { pid: process.pid, where: null },
    });
  });

  it('is taken over when written in an earlier boot', async () => {
    await writeLock({ ...lockOf(process.pid), bootId: '00000000-0000-4000-8000-000000000000' });
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(true);
  });

  it('is taken over when its pid now runs another process (a reused pid)', async () => {
    const held = lockOf(process.pid);
    await writeLock({ ...held, startTime: String(Number(held.startTime) + 1) });
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(true);
    expect((await readLock()).pid).toBe(4242);
  });

  it('is taken over when it is unreadable or not a lock', async () => {
    await writeLock('{"pid":');
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(true);
    await writeLock(JSON.stringify({ pid: process.pid, where: null })); // no boot id, no start time
    expect(takeKioskLock(dir, { pid: 4243 }).ok).toBe(true);
  });

  it('goes by whether the pid runs where there is no /proc', async () => {
    const running = { pid: process.pid, bootId: null, startTime: null, where: null };
    await writeLock(running);
    expect(takeKioskLock(dir, { pid: 4242, processes: withoutProc }).ok).toBe(false);
    await writeLock({ ...running, pid: deadPid() });
    expect(takeKioskLock(dir, { processes: withoutProc }).ok).toBe(true);
    expect(await readLock()).toEqual(running);
  });

  it('has one winner when two starts take over the same stale lock at once', async () => {
    await writeLock({ ...lockOf(process.pid), pid: deadPid() });
    let first: ReturnType<typeof takeKioskLock> | undefined;
    // The second start has read the stale lock and judged it; the first takes it over now.
    const second = takeKioskLock(dir, {
      pid: 4242,
      beforeTakeover: () => void (first ??= takeKioskLock(dir)),
    });
    expect(first?.ok).toBe(true);
    expect(second).toEqual({ ok: false, holder: { pid: process.pid, where: null } });
    expect(await readLock()).toEqual(lockOf(process.pid));
    expect(await readdir(dir)).toEqual(['kiosk.lock']);
  });

  it('is not updated nor released by a process that no longer holds it', async () => {
    const first = takeKioskLock(dir);
    if (!first.ok) throw new Error('not taken');
    await rm(lockPath);
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(true);
    const other = await readFile(lockPath, 'utf8');
    expect(first.lock.update('http://127.0.0.1:8080/')).toBe(false);
    first.lock.release();
    expect(await readFile(lockPath, 'utf8')).toBe(other);
  });

  it('is only read by a start that finds a running kiosk: no file written, no mode changed', async () => {
    await writeLock(lockOf(process.pid));
    await chmod(dir, 0o750);
    await utimes(dir, lastYear, lastYear);
    expect(takeKioskLock(dir, { pid: 4242 }).ok).toBe(false);
    const folder = await stat(dir);
    expect(folder.mode & 0o777).toBe(0o750);
    expect(folder.mtime).toEqual(lastYear); // any file created or removed in it would move this
  });
});
