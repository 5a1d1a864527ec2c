import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { readJournalRecords } from '../core/journal';
import { createLogger } from '../core/log/logger';
import { startHostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('kiosk-diag kiosk status: out of service when the host is gone', () => {
  it('goes out of service when the host stops answering, says why, journals it, and comes back by itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diag-service-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const socket = join(dir, 'kiosk-diag.sock');
    const journalDir = join(dir, 'journal');
    const host = await startHostSimulator({ port: 0, latencyMs: 0 });
    cleanups.push(() => host.close());
    const config = parseConfig(
      {
        host: { url: host.url, timeoutMs: 1000 },
        technician: { diagSocket: socket },
        journal: { dir: journalDir, anchorSeconds: 0 },
        service: { hostProbeSeconds: 1, hostRetrySeconds: 1, hostFailuresToLeave: 2 },
      },
      'test',
    );
    const kiosk = createKiosk(config, { logger: createLogger({ level: 'silent' }) });
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : kiosk.stop()));
    await expect.poll(() => kiosk.brain.view().screen, { timeout: 5000 }).toBe('attract');

    host.setFaults({ status: 503 });
    await expect.poll(() => kiosk.brain.view().screen, { timeout: 10_000 }).toBe('outOfService');
    const human = await runCaptured(['kiosk', 'status', '--socket', socket]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/service +out of service since \S+ \(hostUnreachable\)/);
    expect(human.stdout).toMatch(
      /PROBLEM service: OUT OF SERVICE since \S+: the host does not answer/,
    );
    const json = JSON.parse(
      (await runCaptured(['kiosk', 'status', '--socket', socket, '--json'])).stdout,
    );
    expect(json.info.service).toMatchObject({ inService: false, reasons: ['hostUnreachable'] });

    host.clearFaults();
    await expect.poll(() => kiosk.brain.view().screen, { timeout: 10_000 }).toBe('attract');
    expect((await runCaptured(['kiosk', 'status', '--socket', socket])).stdout).toMatch(
      /service +in service/,
    );
    stopped = true;
    await kiosk.stop();
    const types: string[] = [];
    for await (const record of readJournalRecords(journalDir)) types.push(record.type);
    expect(types).toEqual(
      expect.arrayContaining(['kioskStarted', 'outOfService', 'backInService', 'kioskStopped']),
    );
    expect(types.indexOf('outOfService')).toBeLessThan(types.indexOf('backInService'));
  });
});
