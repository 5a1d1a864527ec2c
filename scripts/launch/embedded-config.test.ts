import { chmod, mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../core/config/load-config';
import { writeEmbeddedConfig } from './embedded-config';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('the embedded config file', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o000); // the worst case: nothing masked by the environment
  });
  afterEach(() => void process.umask(umask));

  it('is written owner-only in an owner-only folder, also over a world-readable one', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'embedded-config-')), '.kiosk-data');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, 'embedded-config.json'), '{}', { mode: 0o644 });
    const config = parseConfig({
      technician: { pinHash: `scrypt$16384$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=` },
    });

    const path = await writeEmbeddedConfig(dataDir, config);

    expect(await mode(dataDir)).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
    expect(loadConfig(path).technician.pinHash).toBe(config.technician.pinHash);
    expect(await readdir(dataDir)).toEqual(['embedded-config.json']);
  });

  it('is owner-only when written for the first time', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'embedded-config-')), 'a', '.kiosk-data');
    const path = await writeEmbeddedConfig(dataDir, parseConfig({}));
    expect(await mode(dataDir)).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
  });
});
