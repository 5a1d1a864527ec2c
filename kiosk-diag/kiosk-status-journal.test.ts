import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startHostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('kiosk-diag kiosk status: the journal', () => {
  it('says the kiosk is out of service, and why, when its journal cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diag-journal-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const socket = join(dir, 'kiosk-diag.sock');
    const journalDir = join(dir, 'journal');
    await writeFile(journalDir, 'a file where the journal folder should be');
    const host = await startHostSimulator({ port: 0, latencyMs: 0 });
    cleanups.push(() => host.close());
    const config = parseConfig(
      { host: { url: host.url }, technician: { diagSocket: socket }, journal: { dir: journalDir } },
      'test',
    );
    const kiosk = createKiosk(config, { logger: createLogger({ level: 'silent' }) });
    cleanups.push(() => kiosk.stop());
    await expect.poll(() => kiosk.brain.view().screen, { timeout: 5000 }).toBe('outOfService');

    const human = await runCaptured(['kiosk', 'status', '--socket', socket]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(
      /PROBLEM journal: cannot be written since \S+ \(E[A-Z]+\), the kiosk is out of service/,
    );
    expect(human.stdout).toContain('Result: the kiosk needs attention');
    expect(human.stdout).toContain('screen outOfService');

    const json = JSON.parse(
      (await runCaptured(['kiosk', 'status', '--socket', socket, '--json'])).stdout,
    );
    expect(json.ok).toBe(false);
    expect(json.info.journal).toMatchObject({ writable: false });
  });
});
