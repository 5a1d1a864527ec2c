import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostSimulator, type HostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';
import { closedPort } from './free-port.test-helper';

let host: HostSimulator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('kiosk-diag host', () => {
  it('pings the host simulator and reports min / median / max', async () => {
    host = await startHostSimulator();
    const run = await runCaptured(['host', '--url', host.url, '--count', '3', '--json']);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report).toMatchObject({ ok: true, url: host.url, pings: 3, answered: 3, failures: [] });
    const latency = report.latencyMs as { min: number; median: number; max: number };
    expect(latency.min).toBeLessThanOrEqual(latency.median);
    expect(latency.median).toBeLessThanOrEqual(latency.max);

    const human = await runCaptured(['host', '--url', host.url, '--count', '2']);
    expect(human.stdout).toMatch(/answered\s+2 of 2 pings/);
    expect(human.stdout).toMatch(/min \d+ ms, median \d+ ms, max \d+ ms/);
  });

  it('uses host.url of the config file', async () => {
    host = await startHostSimulator();
    dir = await mkdtemp(join(tmpdir(), 'diag-host-'));
    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ host: { url: host.url } }));
    const run = await runCaptured(['host', '--config', config, '--count', '1', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ url: host.url, answered: 1 });
  });

  it('exits 3 when nothing listens on the port', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCaptured(['host', '--url', url, '--count', '2', '--json']);
    expect(run.code).toBe(3);
    expect(run.json()).toMatchObject({
      ok: false,
      answered: 0,
      failures: [
        { kind: 'unavailable', detail: 'ECONNREFUSED' },
        { kind: 'unavailable', detail: 'ECONNREFUSED' },
      ],
    });
  });

  it('exits 1 when the host answers with a server error', async () => {
    host = await startHostSimulator({ faults: { routes: { health: { status: 503 } } } });
    const run = await runCaptured(['host', '--url', host.url, '--count', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 503');
    expect(run.stdout).toContain('reachable but not healthy');
  });

  it('exits 2 and names the bad field of a config file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'diag-host-'));
    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ host: { url: 'not a url' } }));
    const run = await runCaptured(['host', '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('host.url');
    expect(run.stderr).toContain(config);
  });
});
