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
    expect(run.json()).toMatchObject({
      url: host.url,
      answered: 1,
      client: 'built-in HTTP client',
    });
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

describe('kiosk-diag host with a bank host client (host.clientModule)', () => {
  const bankModule = async (source: string) => {
    dir ??= await mkdtemp(join(tmpdir(), 'diag-host-'));
    const path = join(dir, `bank-host-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(path, source);
    const config = join(dir, `kiosk-${Math.random().toString(36).slice(2)}.json`);
    return { path, config };
  };
  const methods = `const refuse = async () => { throw new Error('not in this test'); };
    const rest = { lookup: refuse, verifyBirthDate: refuse, verifyBankCard: refuse, sendOtp: refuse, verifyOtp: refuse,
      balance: refuse, contributions: refuse, sendJournalAnchor: refuse, latestJournalAnchor: refuse,
      journalShipped: refuse, shipJournalRecords: refuse };`;

  it("pings through the bank's module, given the host section with --url, and closes it", async () => {
    const { path, config } = await bankModule(`${methods}
      export function createHostClient(hostConfig, { terminalId }) {
        globalThis.__diagBankHost = { url: hostConfig.url, branch: hostConfig.clientOptions.branch, terminalId, pings: 0 };
        return { ...rest, ping: async () => { globalThis.__diagBankHost.pings += 1; return 7; },
          close: async () => { globalThis.__diagBankHost.closed = true; } };
      }`);
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'KSK-BANK-02',
        host: { clientModule: path, clientOptions: { branch: 'SBY-01' } },
      }),
    );
    // Nothing listens at this URL: only the module can answer the pings.
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCaptured([
      'host',
      '--config',
      config,
      '--url',
      url,
      '--count',
      '2',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      ok: true,
      client: `host.clientModule ${path}`,
      answered: 2,
      latencyMs: { min: 7, median: 7, max: 7 },
    });
    expect((globalThis as { __diagBankHost?: unknown }).__diagBankHost).toEqual({
      url,
      branch: 'SBY-01',
      terminalId: 'KSK-BANK-02',
      pings: 2,
      closed: true,
    });

    const human = await runCaptured(['host', '--config', config, '--count', '1']);
    expect(human.stdout).toMatch(new RegExp(`client\\s+host\\.clientModule ${path}`));
  });

  it("exits 3 when the bank's client says the host is unavailable", async () => {
    const { path, config } = await bankModule(`${methods}
      export const createHostClient = (_host, { HostError }) => ({ ...rest,
        ping: async () => { throw new HostError({ kind: 'unavailable', detail: 'ECONNREFUSED' }); } });`);
    await writeFile(config, JSON.stringify({ host: { clientModule: path } }));
    const run = await runCaptured(['host', '--config', config, '--count', '1']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('ping 1 failed: unavailable (ECONNREFUSED)');
  });

  it('exits 2 naming the module when it is not a host client', async () => {
    const { path, config } = await bankModule(
      `export const createHostClient = () => ({ ping: async () => 1 });`,
    );
    await writeFile(config, JSON.stringify({ host: { clientModule: path } }));
    const run = await runCaptured(['host', '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `host.clientModule ${path}: createHostClient returned a host client without lookup`,
    );
  });
});
