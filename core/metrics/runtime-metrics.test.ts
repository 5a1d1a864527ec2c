import { chmodSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskApi, Screen } from '../common/api';
import { parseConfig } from '../config/load-config';
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
import { parseExposition, sampleValue, type Sample } from './exposition.test-helper';
import { BALANCE_BUCKETS } from './kiosk-metrics';
import { LABEL_VALUES } from './label-values';

const TOKEN = 'b7e4d1a8f5c2e9b6a3d0c7f4e1b8a5d2';
const TERMINAL = 'KSK-PRIV-01';
const KPJ = SAMPLE_SUMMARY.participant.kpj;
const BIRTH_DATE = '29-02-1992';
const WRONG_BIRTH_DATE = '01-01-1990';

let dir: string;
const running: KioskRuntime[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-metrics-'));
});
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function kioskWithMetrics() {
  const tokenFile = join(dir, 'metrics-token');
  writeFileSync(tokenFile, TOKEN, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  const { device, factory } = memorySerialPorts('/dev/ttyUSB0');
  await plugInPrinter(device('/dev/ttyUSB0'));
  const host = new FakeHost();
  const runtime = await startKioskRuntime(
    parseConfig({
      terminalId: TERMINAL,
      journal: { dir: join(dir, 'journal'), anchorSeconds: 1 },
      technician: { diagSocket: null },
      session: { thankYouSeconds: 1 },
      metrics: {
        enabled: true,
        listen: { host: '127.0.0.1', port: 0 },
        bearerTokenFile: tokenFile,
      },
      devices: { printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') } },
    }),
    {
      host,
      logger: silentLogger(),
      deviceManager: { transportFactory: factory, printerPollIntervalMs: 0 },
      waitForDevices: true,
    },
  );
  running.push(runtime);
  return { runtime, host };
}

async function scrapeText(runtime: KioskRuntime): Promise<string> {
  const response = await fetch(runtime.metrics!.url, {
    headers: { authorization: `Bearer ${TOKEN}` },
    signal: AbortSignal.timeout(5_000),
  });
  expect(response.status).toBe(200);
  return response.text();
}

const on = (api: KioskApi, screen: Screen) => nextView(api, screen);

/** Every label a sample carries takes a value from its closed list (label-values.ts). */
function labelsOutsideTheirLists(samples: readonly Sample[]): string[] {
  const known: Record<string, readonly string[]> = {
    ...LABEL_VALUES,
    terminal: [TERMINAL],
    version: [KIOSK_VERSION],
    le: [...BALANCE_BUCKETS.map(String), '+Inf'],
  };
  return samples.flatMap((sample) =>
    Object.entries(sample.labels)
      .filter(([label, value]) => !known[label]?.includes(value))
      .map(([label, value]) => `${sample.name}{${label}="${value}"}`),
  );
}

/** What a session with this participant puts in front of the kiosk: none of it may be scraped. */
const PERSONAL = [
  KPJ,
  SAMPLE_SUMMARY.participant.name,
  ...SAMPLE_SUMMARY.participant.name.split(' '),
  SAMPLE_SUMMARY.participant.employer,
  SAMPLE_SUMMARY.participant.branchOffice,
  BIRTH_DATE,
  WRONG_BIRTH_DATE,
  '1992-02-29',
  'token-0123456789abcdef',
];
const AMOUNTS = [
  SAMPLE_SUMMARY.jht.closingBalance,
  SAMPLE_SUMMARY.jht.openingBalance,
  SAMPLE_SUMMARY.jht.developmentReturns,
  SAMPLE_SUMMARY.participant.currentWage,
  19_500_000,
];

function expectNothingPersonal(text: string) {
  for (const value of PERSONAL) expect(text, value).not.toContain(value);
  const samples = parseExposition(text);
  for (const amount of AMOUNTS) {
    // The amount as a number of its own, not digits inside a float such as 1.4000000000000001.
    expect(text.match(new RegExp(`(?<![\\d.e+-])${amount}(?![\\d.])`)), String(amount)).toBeNull();
    expect(samples.filter((sample) => sample.value === amount)).toEqual([]);
  }
  expect(labelsOutsideTheirLists(samples)).toEqual([]);
}

describe('the kiosk runtime with metrics on', () => {
  it('a whole session is counted, and no scrape carries anything personal', async () => {
    const { runtime } = await kioskWithMetrics();
    const { api } = runtime;
    const scrapes: string[] = [await scrapeText(runtime)];

    api.send({ type: 'start' });
    await on(api, 'enterKpj');
    const askedBirthDate = on(api, 'enterBirthDate');
    api.send({ type: 'submitKpj', kpj: KPJ });
    await askedBirthDate;
    api.send({ type: 'submitBirthDate', birthDate: WRONG_BIRTH_DATE });
    await on(api, 'loading');
    await on(api, 'enterBirthDate'); // asked again: one attempt spent
    const balance = on(api, 'balance');
    api.send({ type: 'submitBirthDate', birthDate: BIRTH_DATE });
    expect((await balance).balance).not.toBeNull(); // the balance is on screen while scraped
    scrapes.push(await scrapeText(runtime));

    const printed = on(api, 'takeReceipt');
    api.send({ type: 'printReceipt' });
    await printed;
    api.send({ type: 'enter' });
    const asked = on(api, 'anotherTransaction');
    await asked;
    const back = on(api, 'attract');
    api.send({ type: 'answer', yes: false });
    await back;

    let samples: Sample[] = [];
    await expect
      .poll(async () => {
        const text = await scrapeText(runtime);
        scrapes.push(text);
        samples = parseExposition(text);
        return sampleValue(samples, 'bpjs_kiosk_sessions_ended_total', { reason: 'finished' });
      })
      .toBe(1);
    const value = (name: string, labels?: Record<string, string>) =>
      sampleValue(samples, `bpjs_kiosk_${name}`, labels);
    expect(value('sessions_started_total')).toBe(1);
    expect(value('identifications_total', { method: 'keypad' })).toBe(1);
    expect(value('verifications_total', { result: 'failed' })).toBe(1);
    expect(value('verifications_total', { result: 'success' })).toBe(1);
    expect(value('receipts_total', { outcome: 'printed' })).toBe(1);
    expect(value('host_calls_total', { operation: 'balance' })).toBe(1);
    expect(
      value('host_errors_total', { operation: 'verifyBirthDate', kind: 'verificationFailed' }),
    ).toBe(1);
    expect(value('host_balance_duration_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(
      value('device_state', { device: 'printer', class: 'receiptPrinter', state: 'online' }),
    ).toBe(1);
    expect(value('printer_paper', { state: 'full' })).toBe(1);
    expect(value('journal_head_seq')).toBeGreaterThanOrEqual(8);
    expect(value('journal_bytes')).toBeGreaterThan(0);
    expect(value('journal_writable')).toBe(1);
    expect(value('in_service')).toBe(1);
    expect(value('build_info', { version: KIOSK_VERSION, profile: 'kiosk' })).toBe(1);

    for (const text of scrapes) expectNothingPersonal(text);
  });

  it('refuses a scrape without the token, and stops listening when the runtime stops', async () => {
    const { runtime } = await kioskWithMetrics();
    const url = runtime.metrics!.url;
    expect((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status).toBe(401);
    await runtime.dispose();
    await expect(fetch(url, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });

  it('says when the kiosk is outside its opening hours (maintenance.displayOff)', async () => {
    const runtime = await startKioskRuntime(
      parseConfig({
        journal: { enabled: false },
        technician: { diagSocket: null },
        maintenance: { displayOff: { from: '21:00', to: '06:00' } },
        metrics: { enabled: true, listen: { host: '127.0.0.1', port: 0 } },
      }),
      { host: new FakeHost(), logger: silentLogger(), now: () => new Date('2026-12-01T15:00:00Z') },
    );
    running.push(runtime);
    const response = await fetch(runtime.metrics!.url, { signal: AbortSignal.timeout(5_000) });
    const samples = parseExposition(await response.text());
    expect(sampleValue(samples, 'bpjs_kiosk_open')).toBe(0); // 22:00 in Jakarta
  });

  it('is off by default: no endpoint', async () => {
    const runtime = await startKioskRuntime(
      parseConfig({ journal: { enabled: false }, technician: { diagSocket: null } }),
      { host: new FakeHost(), logger: silentLogger() },
    );
    running.push(runtime);
    expect(runtime.metrics).toBeNull();
  });
});
