import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { makePrivateDir } from '../../core/config/private-files';

/** The kiosk that holds the lock: its pid, and where its screen is (no UI secret), once known. */
export interface LockHolder {
  pid: number;
  where: string | null;
}

export interface KioskLock {
  /** Says where this kiosk's screen is, for a second start to point at. */
  update(where: string): void;
  /** Gives the lock up (only if it is still this process's). */
  release(): void;
}

export type LockResult = { ok: true; lock: KioskLock } | { ok: false; holder: LockHolder };

const FILE = 'kiosk.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** The lock's holder if it is still running; null for a lock a crashed kiosk left behind. */
function runningHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || !Number.isInteger(holder.pid)) return null;
    // Written before this machine last booted: its pid now belongs to someone else.
    const bootedAt = Date.now() - uptime() * 1000;
    if (statSync(path).mtimeMs < bootedAt) return null;
    if (!alive(holder.pid)) return null;
    return { pid: holder.pid, where: typeof holder.where === 'string' ? holder.where : null };
  } catch {
    return null; // unreadable or half-written: no kiosk finished starting with it
  }
}

/**
 * One kiosk per data folder: `kiosk.lock` holds the running kiosk's pid. Taken before any
 * file is written or port opened, so a second start changes nothing; a lock whose process is
 * gone (a crash, a power cut) is taken over.
 */
export function takeKioskLock(dataDir: string, pid = process.pid): LockResult {
  makePrivateDir(dataDir);
  const path = join(dataDir, FILE);
  const temporary = `${path}.${pid}.tmp`;
  // Written whole beside the lock, then put in place in one step: a reader never sees half.
  const prepare = (where: string | null) =>
    writeFileSync(temporary, JSON.stringify({ pid, where } satisfies LockHolder), {
      mode: 0o600,
    });
  for (let attempt = 0; attempt < 3; attempt++) {
    prepare(null);
    try {
      linkSync(temporary, path); // fails if a lock exists: of two starts at once, one wins
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = runningHolder(path);
      if (holder) return { ok: false, holder };
      rmSync(path, { force: true }); // left by a kiosk that is gone
      continue;
    } finally {
      rmSync(temporary, { force: true });
    }
    return {
      ok: true,
      lock: {
        update: (where) => {
          prepare(where);
          renameSync(temporary, path);
        },
        release: () => {
          if (runningHolder(path)?.pid === pid) rmSync(path, { force: true });
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
