import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs/electron-security.md'), 'utf8');

/** Every `code span` that looks like a file: a name with one of these extensions, no spaces. */
const FILE_LIKE = /`([\w@./-]+\.(?:ts|js|cjs|mjs|json|md|ya?ml|sh))`/g;
/** Made by `npm run build` / `npm run package:electron`, so not in the repository. */
const BUILD_OUTPUTS = ['dist-electron/', 'dist/'];

const electronFiles = readdirSync(join(root, 'electron'), { recursive: true, encoding: 'utf8' });

/** Relative to the repository, to electron/ (the page says "all under electron/"), or a test's bare name. */
function exists(path: string): boolean {
  if (existsSync(join(root, path)) || existsSync(join(root, 'electron', path))) return true;
  return !path.includes('/') && electronFiles.some((file) => file.split('/').at(-1) === path);
}

describe('docs/electron-security.md', () => {
  const named = [...new Set([...doc.matchAll(FILE_LIKE)].map((match) => match[1]!))];

  it('names files (enough of them for this check to mean something)', () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named).toContain('packaging/kiosk-fuses.ts');
  });

  it('names only files that exist', () => {
    const missing = named.filter(
      (path) => !BUILD_OUTPUTS.some((prefix) => path.startsWith(prefix)) && !exists(path),
    );
    expect(missing).toEqual([]);
  });
});
