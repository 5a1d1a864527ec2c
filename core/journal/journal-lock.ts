import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE_MODE } from './journal-files';

export const LOCK_FILE = 'journal.lock';

export class JournalLockedError extends Error {
  override name = 'JournalLockedError';
}

/**
 * One writer per journal directory: two writers would each continue the chain from the same
 * record and fork it. The lock file holds the owner's pid; a lock whose process is gone
 * (a crash, a power cut) is taken over.
 */
export async function acquireJournalLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', JOURNAL_FILE_MODE);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner))
        throw new JournalLockedError(
          `journal in ${dir} is already open by process ${owner} (${LOCK_FILE})`,
        );
      await rm(path, { force: true });
    }
  }
  throw new JournalLockedError(`journal in ${dir}: could not take ${LOCK_FILE}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
