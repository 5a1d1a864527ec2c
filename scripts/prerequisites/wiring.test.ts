import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PACKAGES } from './system-packages';

const root = resolve(import.meta.dirname, '../..');
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const ciLines = readFileSync(join(root, '.ci/run'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

describe('where the system-package check runs', () => {
  it('npm test checks first, before lint or any test', () => {
    expect(scripts.test?.startsWith('tsx scripts/prerequisites/main.ts test && ')).toBe(true);
  });

  it('npm start checks, then runs the kiosk with the same arguments', () => {
    expect(scripts.start).toBe('tsx scripts/prerequisites/checked-start.ts');
  });

  it('.ci/run installs from the one list, then calls exactly npm test', () => {
    expect(ciLines.at(-1)).toBe('npm test');
    expect(ciLines.at(-2)).toBe('npx tsx scripts/prerequisites/main.ts test');
    expect(ciLines).toContain('export CI=true');
  });

  it('.ci/run has no package list of its own', () => {
    const script = ciLines.join('\n');
    for (const { debianPackage } of Object.values(SYSTEM_PACKAGES))
      expect(script).not.toContain(debianPackage);
    expect(script).not.toContain('apt-get');
  });
});
