import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUiSecret, newUiSecret, readOrCreateUiSecretFile, uiSecretMatches } from './ui-secret';

const folder = () => mkdtempSync(join(tmpdir(), 'ui-secret-'));

describe('UI secret', () => {
  it('is 32 random bytes in base64url, new every time', () => {
    const secret = newUiSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(newUiSecret()).not.toBe(secret);
  });

  it('matches only itself', () => {
    const secret = newUiSecret();
    expect(uiSecretMatches(secret, secret)).toBe(true);
    expect(uiSecretMatches(secret, secret.slice(0, -1))).toBe(false);
    expect(uiSecretMatches(secret, '')).toBe(false);
  });

  it('refuses a short or malformed secret given to the shell', () => {
    expect(() => checkUiSecret('short')).toThrow('base64url');
    expect(() => checkUiSecret('a'.repeat(30) + '/')).toThrow('base64url');
  });

  it('keeps one secret per file, readable by its owner only, so a restarted brain gets the same', () => {
    const path = join(folder(), 'ui-secret');
    const first = readOrCreateUiSecretFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateUiSecretFile(path)).toBe(first);
  });

  it('refuses a secret file that others can read', () => {
    const path = join(folder(), 'ui-secret');
    writeFileSync(path, newUiSecret());
    chmodSync(path, 0o644);
    expect(() => readOrCreateUiSecretFile(path)).toThrow('chmod 600');
  });
});
