import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  makePrivateDir,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
} from '../../core/config/private-files';
import { systemProcesses, type ProcessTable } from './process-identity';

/** What `kiosk.lock` holds: who runs (pid, boot id, start time) and where its screen is. */
export const LockRecord = z.object({
  pid: z.number().int().positive(),
  /** null when written where there is no /proc. */
  bootId: z.string().min(1).nullable(),
  startTime: z.string().regex(/^\d+$/).nullable(),
  /** Where the kiosk's screen is (no UI secret), once known. */
  where: z.string().nullable(),
});
export type LockRecord = z.infer<typeof LockRecord>;

/** The kiosk that holds the lock: its pid, and where its screen is, once known. */
export interface LockHolder {
  pid: number;
  where: string | null;
}

export interface KioskLock {
  /** Says where this kiosk's screen is, for a second start to point at; false (and nothing
   *  written) when the lock is no longer this process's. */
  update(where: string): boolean;
  /** Gives the lock up (only if it is still this process's). */
  release(): void;
}

export type LockResult = { ok: true; lock: KioskLock } | { ok: false; holder: LockHolder };

export interface LockOptions {
  /** The process taking the lock (tests stand in for a second one). */
  pid?: number;
  processes?: ProcessTable;
  /** Runs after a lock was judged stale, before it is moved aside (where tests interleave a
   *  second start). */
  beforeTakeover?: () => void;
}

const FILE = 'kiosk.lock';
const ATTEMPTS = 5;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

function parseRecord(text: string): LockRecord | null {
  try {
    return LockRecord.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

/** The lock's text, or null when there is none. */
function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Whether the lock's process still runs: same boot, and its pid not ended nor reused. */
function isRunning(holder: LockRecord, processes: ProcessTable): boolean {
  const bootId = processes.bootId();
  if (bootId === null) return processes.alive(holder.pid); // no /proc: the pid is all we have
  return (
    holder.bootId === bootId &&
    holder.startTime !== null &&
    processes.startTime(holder.pid) === holder.startTime
  );
}

const sameProcess = (a: LockRecord, b: LockRecord) =>
  a.pid === b.pid && a.bootId === b.bootId && a.startTime === b.startTime;

/** Writes `record` to a fresh owner-only file beside `path`, and hands it to `place`. */
function withWholeFile(path: string, record: LockRecord, place: (file: string) => void): void {
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify(record), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    place(temporary); // in one step: a reader never sees half a lock
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Creates the lock unless one exists: of two starts at once, one wins. */
function createLock(path: string, record: LockRecord): boolean {
  try {
    withWholeFile(path, record, (file) => linkSync(file, path));
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes the stale lock read as `judged`. Only one start's rename of it succeeds; but another
 * start may have taken it over since we read it, so a moved file that is not the one we judged
 * (a fresh lock) is put back.
 */
function removeStaleLock(path: string, judged: string): void {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // another start moved it first
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== judged) linkSync(aside, path);
  } catch (error) {
    // EEXIST: a third start created a lock meanwhile; it holds the lock now.
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * One kiosk per data folder: `kiosk.lock` says which process runs it. Taken before any other
 * file is written or port opened; a start that finds a running kiosk's lock only reads it. A
 * lock whose process is gone (a crash, a power cut, an earlier boot, its pid reused) is taken
 * over.
 */
export function takeKioskLock(dataDir: string, options: LockOptions = {}): LockResult {
  const { pid = process.pid, processes = systemProcesses, beforeTakeover } = options;
  const path = join(dataDir, FILE);
  const bootId = processes.bootId();
  const own: LockRecord = {
    pid,
    bootId,
    startTime: bootId === null ? null : processes.startTime(pid),
    where: null,
  };
  const holdsIt = () => {
    const text = readLock(path);
    const holder = text === null ? null : parseRecord(text);
    return holder !== null && sameProcess(holder, own);
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = readLock(path);
    if (found !== null) {
      const holder = parseRecord(found); // a corrupt lock is stale: no kiosk started with it
      if (holder && isRunning(holder, processes))
        return { ok: false, holder: { pid: holder.pid, where: holder.where } };
      beforeTakeover?.();
      removeStaleLock(path, found);
      continue;
    }
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    if (!createLock(path, own)) continue;
    makePrivateDir(dataDir);
    return {
      ok: true,
      lock: {
        update: (where) => {
          if (!holdsIt()) return false;
          withWholeFile(path, { ...own, where }, (file) => renameSync(file, path));
          return true;
        },
        release: () => {
          if (holdsIt()) rmSync(path, { force: true });
        },
      },
    };
  }
  throw new Error(`cannot take the kiosk lock ${path}`);
}

/** The one line a second start says. */
export function alreadyRunning(holder: LockHolder): string {
  return `A kiosk is already running (pid ${holder.pid}): ${holder.where ?? 'still starting'}`;
}
