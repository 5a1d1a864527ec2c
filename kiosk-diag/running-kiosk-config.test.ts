import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config/load-config';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startHostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * What `npm start` leaves running: a kiosk whose config file (host on a port of the moment)
 * is not where kiosk-diag looks by default, with its diagnostics socket at the default path,
 * run from the folder a technician runs kiosk-diag in.
 */
async function embeddedKiosk(): Promise<{ hostUrl: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'diag-running-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const previousCwd = process.cwd();
  process.chdir(dir);
  cleanups.push(() => process.chdir(previousCwd));
  const host = await startHostSimulator({ port: 0, latencyMs: 0 });
  cleanups.push(() => host.close());
  const configFile = join(dir, 'embedded-config.json');
  await writeFile(configFile, JSON.stringify({ host: { url: host.url } }));
  const kiosk = createKiosk(loadConfig(configFile), {
    logger: createLogger({ level: 'silent' }),
    configPath: configFile,
  });
  cleanups.push(() => kiosk.stop());
  await expect
    .poll(() => runCaptured(['kiosk', 'status']).then((r) => r.code), { timeout: 5000 })
    .toBe(0);
  return { hostUrl: host.url };
}

describe('kiosk-diag without --config beside a running kiosk', () => {
  it('host pings the running kiosk’s host, not the default 127.0.0.1:8787', async () => {
    const { hostUrl } = await embeddedKiosk();
    const run = await runCaptured(['host', '--count', '1', '--json']);
    expect(run.json()).toMatchObject({ ok: true, url: hostUrl, answered: 1 });
    expect(run.code).toBe(0);
  });

  it('journal verify --anchor host asks the running kiosk’s host', async () => {
    const { hostUrl } = await embeddedKiosk();
    const run = await runCaptured(['journal', 'verify', '--anchor', 'host', '--json']);
    expect(run.json()).toMatchObject({ anchor: { source: 'host', url: hostUrl } });
    expect(run.code).not.toBe(3);
  });
});
