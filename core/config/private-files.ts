import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Files holding the technician PIN hash (config, its .prev) are for the kiosk's user only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and its parents) owner-only, and makes it so if it already existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Writes `path` so that it is owner-only from its first byte and a power cut leaves either the
 * old or the new file: a temporary file is created 0600 beside it (never an old one reused, so
 * the umask and a former mode cannot widen it), flushed, renamed over `path`, the folder flushed.
 */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${randomUUID()}`;
  const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Makes sure only this user can enter `dir`: created 0700 when missing. One that exists must
 * already be ours and closed to others; it may hold more than our files, so it is not changed,
 * and the error says what to fix.
 */
export function requirePrivateDir(dir: string): void {
  mkdirSync(dirname(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
    chmodSync(dir, PRIVATE_DIR_MODE); // the umask may have taken bits off, never added them
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const folder = statSync(dir);
  const problem = !folder.isDirectory()
    ? 'is not a folder'
    : folder.uid !== process.getuid?.()
      ? `belongs to user ${folder.uid}, not to the kiosk's user`
      : folder.mode & 0o077
        ? `is open to other users (mode 0${(folder.mode & 0o777).toString(8)})`
        : null;
  if (problem)
    throw new Error(`${dir} ${problem}: use a folder of the kiosk's user with mode 0700`);
}

export type PrivateFileRead = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Reads a secret the config names by path (a token): it must be a file of the kiosk's user that
 * no other user can read or write, like the files this module writes. The problem names the path
 * and what to fix, never the file's content.
 */
export function readPrivateFile(path: string): PrivateFileRead {
  try {
    const file = statSync(path);
    if (!file.isFile()) return { ok: false, problem: `${path} is not a file` };
    if (file.uid !== process.getuid?.())
      return { ok: false, problem: `${path} belongs to user ${file.uid}, not to the kiosk's user` };
    if (file.mode & 0o077)
      return {
        ok: false,
        problem: `${path} is open to other users (mode 0${(file.mode & 0o777).toString(8)}): chmod 600 it`,
      };
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problem: `cannot read ${path} (${code})` };
  }
}
