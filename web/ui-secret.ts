import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** base64url, at least 16 bytes' worth: what `newUiSecret` makes and what a caller may pass. */
const UI_SECRET_FORMAT = /^[A-Za-z0-9_-]{22,128}$/;

/** A fresh per-launch UI secret: 32 random bytes, base64url. */
export function newUiSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function checkUiSecret(secret: string): string {
  if (!UI_SECRET_FORMAT.test(secret))
    throw new Error('uiSecret must be 22 to 128 base64url characters (16+ random bytes)');
  return secret;
}

/** Compares in constant time (both sides hashed first, so lengths never differ). */
export function uiSecretMatches(expected: string, offered: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(offered));
}

/**
 * The secret for one screen kept in a file only this user can read (0600), for a launcher whose
 * page must outlive a brain restart: the restarted brain reads the same secret, so the open page
 * reconnects. Created on first use; a file others can read is refused.
 */
export function readOrCreateUiSecretFile(path: string): string {
  try {
    writeFileSync(path, newUiSecret(), { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600); // against a umask that took bits away from the owner
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0)
    throw new Error(`${path}: the UI secret file must not be readable by others (chmod 600)`);
  return checkUiSecret(readFileSync(path, 'utf8').trim());
}
