import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi, Screen } from '../common/api';
import { parseConfig } from '../config/load-config';
import type { KioskConfigInput } from '../config/kiosk-config';
import { HostError } from '../host/host-client';
import { createTestCa } from '../host/test-ca.test-helper';
import { startKioskRuntime, type KioskRuntime } from '../kiosk/kiosk-runtime';
import { nextView } from '../kiosk/next-view.test-helper';
import { KIOSK_VERSION } from '../kiosk/version';
import { silentLogger } from '../log/logger';
import { FakeHost, SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import {
  memorySerialPorts,
  plugInPrinter,
  serialAt,
} from '../../devices/manager/memory-ports.test-helper';
import { dashboardQueries } from './promql-references.test-helper';

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) scrapes three kiosks on loopback, each with
 * its own way in (none, a bearer token, mutual TLS), every second; the series are read back
 * through its HTTP API, as a dashboard or an alert would read them.
 */
const PROMETHEUS = '/usr/bin/prometheus';
const RULES = join(import.meta.dirname, '../../deploy/prometheus/kiosk-alerts.yml');
const TOKEN = 'c4f1e8b5a2d9c6f3e0b7a4d1c8f5e2b9';
/** How long a read through Prometheus may take to show what the kiosks did. */
const READ_BOUND = { timeout: 30_000, interval: 250 };

const dir = mkdtempSync(join(tmpdir(), 'kiosk-prometheus-'));
const runtimes: KioskRuntime[] = [];
let prometheus: ChildProcess | null = null;
let prometheusLog = '';
let api = '';
/** Kiosk B's host: its health probe fails while `down`. */
const hostOfB = new (class extends FakeHost {
  down = false;
  override async ping() {
    if (this.down) throw new HostError({ kind: 'unavailable', detail: 'ECONNREFUSED' });
    return 1;
  }
})();

function privateFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function kiosk(
  terminalId: string,
  metrics: KioskConfigInput['metrics'],
  extra: KioskConfigInput = {},
  overrides: Parameters<typeof startKioskRuntime>[1] = {},
): Promise<KioskRuntime> {
  const runtime = await startKioskRuntime(
    parseConfig({
      terminalId,
      journal: { dir: join(dir, terminalId, 'journal'), anchorSeconds: 1 },
      technician: { diagSocket: null },
      metrics: { enabled: true, ...metrics, listen: { host: '127.0.0.1', port: 0 } },
      ...extra,
    }),
    { host: new FakeHost(), logger: silentLogger(), ...overrides },
  );
  runtimes.push(runtime);
  return runtime;
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** An instant query through Prometheus' HTTP API. */
async function query(promql: string): Promise<VectorSample[]> {
  const response = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(promql)}`, {
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data: { resultType: string; result: VectorSample[] };
  };
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
  return body.data.result;
}

/** terminal (or job) → value, for a query whose series each name one. */
async function byLabel(promql: string, label = 'terminal'): Promise<Record<string, number>> {
  const result = await query(promql);
  return Object.fromEntries(result.map((s) => [s.metric[label] ?? '', Number(s.value[1])]));
}

const on = (kioskApi: KioskApi, screen: Screen) => nextView(kioskApi, screen);

/** Polls `url` until it answers 200, for at most `boundMs`. */
async function untilReady(url: string, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) }).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`${url} not ready in ${boundMs} ms:\n${prometheusLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const ca = await createTestCa('Fleet Monitoring CA');
  const server = await ca.issue('server', '127.0.0.1');
  const client = await ca.issue('client', 'prometheus');
  const tokenFile = privateFile('metrics-token', `${TOKEN}\n`);

  const { device, factory } = memorySerialPorts('/dev/ttyUSB0');
  await plugInPrinter(device('/dev/ttyUSB0'));
  const open = await kiosk(
    'KSK-PROM-A',
    {},
    { devices: { printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') } } },
    {
      deviceManager: { transportFactory: factory, printerPollIntervalMs: 0 },
      waitForDevices: true,
    },
  );
  const withToken = await kiosk(
    'KSK-PROM-B',
    { bearerTokenFile: tokenFile },
    { service: { hostProbeSeconds: 1, hostRetrySeconds: 1, hostFailuresToLeave: 1 } },
    { host: hostOfB },
  );
  const withTls = await kiosk('KSK-PROM-C', {
    tls: {
      certFile: privateFile('kiosk-cert.pem', server.cert),
      keyFile: privateFile('kiosk-key.pem', server.key),
      caFile: privateFile('ca.pem', ca.cert),
    },
  });
  const target = (runtime: KioskRuntime) => `127.0.0.1:${runtime.metrics!.port}`;

  // JSON is YAML: the config Prometheus reads, scraping each kiosk every second.
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: [RULES],
    scrape_configs: [
      { job_name: 'kiosk-open', static_configs: [{ targets: [target(open)] }] },
      {
        job_name: 'kiosk-token',
        authorization: { credentials_file: tokenFile },
        static_configs: [{ targets: [target(withToken)] }],
      },
      {
        job_name: 'kiosk-mtls',
        scheme: 'https',
        tls_config: {
          ca_file: join(dir, 'ca.pem'),
          cert_file: privateFile('prometheus-cert.pem', client.cert),
          key_file: privateFile('prometheus-key.pem', client.key),
        },
        static_configs: [{ targets: [target(withTls)] }],
      },
      // The token kiosk once more, without its token: refused.
      { job_name: 'kiosk-no-token', static_configs: [{ targets: [target(withToken)] }] },
    ],
  };
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prometheus = child;
  child.stdout.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString()));
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`prometheus exited (${code}):\n${prometheusLog}`)),
    ),
  );
  exited.catch(() => {}); // only a start that fails reports it
  await Promise.race([exited, untilReady(`${api}/-/ready`, READ_BOUND.timeout)]);
}, 60_000);

afterAll(async () => {
  const child = prometheus;
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(killer);
  }
  for (const runtime of runtimes.splice(0)) await runtime.dispose();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('a real Prometheus scraping three kiosks', () => {
  it('scrapes each kiosk its own way, and is refused without the token', async () => {
    await expect
      .poll(() => byLabel('up', 'job'), READ_BOUND)
      .toEqual({ 'kiosk-open': 1, 'kiosk-token': 1, 'kiosk-mtls': 1, 'kiosk-no-token': 0 });
    const targets = (await (await fetch(`${api}/api/v1/targets`)).json()) as {
      data: { activeTargets: Array<{ labels: { job: string }; lastError: string }> };
    };
    const refused = targets.data.activeTargets.find((t) => t.labels.job === 'kiosk-no-token');
    expect(refused?.lastError).toContain('401');
  });

  it('reads back who each kiosk is: its terminal and version', async () => {
    await expect
      .poll(() => byLabel(`bpjs_kiosk_build_info{version="${KIOSK_VERSION}"}`), READ_BOUND)
      .toEqual({ 'KSK-PROM-A': 1, 'KSK-PROM-B': 1, 'KSK-PROM-C': 1 });
    expect(Object.keys(await byLabel('bpjs_kiosk_uptime_seconds > 0')).sort()).toEqual([
      'KSK-PROM-A',
      'KSK-PROM-B',
      'KSK-PROM-C',
    ]);
  });

  it('a session on one kiosk shows in its series and no other', async () => {
    const kioskApi = runtimes[0]!.api;
    kioskApi.send({ type: 'start' });
    await on(kioskApi, 'enterKpj');
    const asked = on(kioskApi, 'enterBirthDate');
    kioskApi.send({ type: 'submitKpj', kpj: SAMPLE_SUMMARY.participant.kpj });
    await asked;
    const balance = on(kioskApi, 'balance');
    kioskApi.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await balance;
    const ended = on(kioskApi, 'attract');
    kioskApi.send({ type: 'cancel' });
    await ended;

    await expect
      .poll(() => byLabel('bpjs_kiosk_sessions_ended_total{reason="canceled"}'), READ_BOUND)
      .toEqual({ 'KSK-PROM-A': 1, 'KSK-PROM-B': 0, 'KSK-PROM-C': 0 });
    expect(await byLabel('bpjs_kiosk_sessions_started_total')).toEqual({
      'KSK-PROM-A': 1,
      'KSK-PROM-B': 0,
      'KSK-PROM-C': 0,
    });
    expect(await byLabel('bpjs_kiosk_host_balance_duration_seconds_count{outcome="ok"}')).toEqual({
      'KSK-PROM-A': 1,
    });
    expect(await byLabel('bpjs_kiosk_identifications_total{method="keypad"}')).toMatchObject({
      'KSK-PROM-A': 1,
    });
  });

  it('reads device state, journal and out of service per kiosk', async () => {
    hostOfB.down = true; // its out-of-service monitor finds out at the next probe
    await expect
      .poll(() => byLabel('bpjs_kiosk_out_of_service{reason="hostUnreachable"} == 1'), READ_BOUND)
      .toEqual({ 'KSK-PROM-B': 1 });
    expect(await byLabel('bpjs_kiosk_in_service == 0')).toEqual({ 'KSK-PROM-B': 0 });
    expect(await byLabel('bpjs_kiosk_device_state{device="printer",state="online"}')).toEqual({
      'KSK-PROM-A': 1,
    });
    expect(await byLabel('bpjs_kiosk_printer_paper{state="full"}')).toEqual({ 'KSK-PROM-A': 1 });
    const heads = await byLabel('bpjs_kiosk_journal_head_seq');
    expect(Object.keys(heads).sort()).toEqual(['KSK-PROM-A', 'KSK-PROM-B', 'KSK-PROM-C']);
    for (const seq of Object.values(heads)) expect(seq).toBeGreaterThanOrEqual(1);
    // The host took each kiosk's journal head (anchorSeconds 1): nothing waits to be anchored.
    await expect
      .poll(() => byLabel('bpjs_kiosk_journal_anchored_seq > 0'), READ_BOUND)
      .toEqual(expect.objectContaining({ 'KSK-PROM-A': expect.any(Number) }));
  });

  it('evaluates the alert rules on the kiosks’ series without an error', async () => {
    interface Rules {
      data: {
        groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }>;
      };
    }
    const rules = async () =>
      ((await (await fetch(`${api}/api/v1/rules`)).json()) as Rules).data.groups.flatMap(
        (group) => group.rules,
      );
    await expect
      .poll(async () => (await rules()).filter((rule) => rule.health !== 'ok'), READ_BOUND)
      .toEqual([]);
    expect((await rules()).length).toBe(9);
  });

  it('runs every query of the Grafana dashboard on the kiosks’ series', async () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(15);
    const empty: string[] = [];
    for (const promql of queries) if ((await query(promql)).length === 0) empty.push(promql);
    // Only what needs an event these kiosks have not had (a host error, a retained card) is empty.
    expect(
      empty.filter((promql) => !/host_errors_total|cards_retained_total/.test(promql)),
    ).toEqual([]);
  });
});
