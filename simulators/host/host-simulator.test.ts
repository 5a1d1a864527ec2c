import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BalanceSummary, ContributionHistory } from '../../core/host/host-api';
import { HostError, type HostFailure } from '../../core/host/host-client';
import { HttpHostClient } from '../../core/host/http-host-client';
import { FIXTURES, PARTICIPANTS, startHostSimulator, type HostSimulator } from './index';
import type { HostSimulatorOptions, RequestLogEntry } from './host-simulator';
import { monthIndex } from './seed/months';

const TERMINAL = 'KSK-TEST-01';
const active = FIXTURES.active;
const participantOf = (kpj: string) => PARTICIPANTS.find((p) => p.kpj === kpj)!;

let host: HostSimulator | null = null;
let clock = new Date('2026-11-22T02:00:00Z');

async function start(options: HostSimulatorOptions = {}, timeoutMs = 2000) {
  clock = new Date('2026-11-22T02:00:00Z');
  host = await startHostSimulator({ now: () => clock, ...options });
  return {
    host,
    client: new HttpHostClient({
      baseUrl: host.url,
      terminalId: TERMINAL,
      timeoutMs,
      now: () => clock,
    }),
  };
}

afterEach(async () => {
  await host?.close();
  host = null;
});

/** The failure a host call rejects with; also checks it never leaks the participant's data. */
async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  const failure = (error as HostError).failure;
  const text = `${(error as HostError).message} ${JSON.stringify(failure)}`;
  for (const secret of [active.kpj, active.birthDateIso, active.name, FIXTURES.inactive.kpj]) {
    expect(text).not.toContain(secret);
  }
  return failure;
}

async function verified(client: HttpHostClient, kpj = active.kpj) {
  const birthDate = participantOf(kpj).birthDate;
  return (await client.verifyBirthDate(kpj, birthDate)).token;
}

describe('host simulator and HttpHostClient: happy paths', () => {
  it('looks up, verifies, and returns the balance of a seeded participant', async () => {
    const { client } = await start();
    expect(await client.lookup(active.kpj)).toEqual({ verification: ['birthDate'] });
    const reply = await client.verifyBirthDate(active.kpj, active.birthDateIso);
    expect(reply.token.length).toBeGreaterThanOrEqual(16);
    expect(reply.expiresInSeconds).toBe(300);
    const summary = await client.balance(reply.token);
    expect(BalanceSummary.parse(summary)).toEqual(participantOf(active.kpj).summary);
    expect(summary.participant.name).toBe(active.name);
    expect(summary.jht.closingBalance).toBe(active.closingBalance);
    expect(summary.participant.membershipStatus).toBe('active');
  });

  it('returns the contribution history newest first, in the requested window of months', async () => {
    const { client } = await start();
    const token = await verified(client, FIXTURES.withGaps.kpj);
    const { rows } = ContributionHistory.parse(await client.contributions(token, 24));
    expect(rows[0]!.month).toBe('2026-10');
    expect(rows.every((row) => monthIndex(row.month) > monthIndex('2026-10') - 24)).toBe(true);
    const months = rows.map((row) => monthIndex(row.month));
    expect(months).toEqual([...months].sort((a, b) => b - a));

    const long = await client.contributions(await verified(client, FIXTURES.highWage.kpj), 120);
    expect(long.rows).toHaveLength(120);
    expect(long.rows.at(-1)!.month).toBe('2016-11');
  });

  it("ends an inactive member's window at the last paid month", async () => {
    const { client } = await start();
    const token = await verified(client, FIXTURES.inactive.kpj);
    const { rows } = await client.contributions(token, 12);
    expect(rows[0]!.month).toBe('2024-06');
    expect(rows.length).toBeGreaterThan(0);
    const summary = await client.balance(token);
    expect(summary.participant.membershipStatus).toBe('inactive');
    expect(summary.programs.find((p) => p.program === 'JKK')!.covered).toBe(false);
  });

  it('answers the health check with latency and logs the terminal id without personal data', async () => {
    const log: RequestLogEntry[] = [];
    const { client } = await start({ onRequest: (entry) => log.push(entry) });
    expect(await client.ping()).toBeGreaterThanOrEqual(0);
    await client.lookup(active.kpj);
    await failureOf(client.verifyBirthDate(active.kpj, '1970-01-01'));
    expect(log.map((e) => [e.terminalId, e.method, e.path, e.status])).toEqual([
      [TERMINAL, 'GET', '/v1/health', 200],
      [TERMINAL, 'POST', '/v1/lookup', 200],
      [TERMINAL, 'POST', '/v1/verify', 401],
    ]);
    expect(JSON.stringify(log)).not.toContain(active.kpj);
  });
});

describe('host simulator and HttpHostClient: error mapping', () => {
  it('maps an unknown KPJ to notFound, on lookup and on verify', async () => {
    const { client } = await start();
    expect(await failureOf(client.lookup(FIXTURES.unknownKpj))).toEqual({ kind: 'notFound' });
    expect(await failureOf(client.verifyBirthDate(FIXTURES.unknownKpj, '1990-01-01'))).toEqual({
      kind: 'notFound',
    });
  });

  it('counts wrong birth dates, locks after three, and unlocks when the lock expires', async () => {
    const { client } = await start({ lockMs: 60_000 });
    const wrong = () => client.verifyBirthDate(active.kpj, '1970-01-01');
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 2 });
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 1 });
    const retryAt = '2026-11-22T02:01:00.000Z';
    expect(await failureOf(wrong())).toEqual({ kind: 'locked', retryAt });
    // Locked: even the right birth date and a fresh lookup are refused.
    expect(await failureOf(client.verifyBirthDate(active.kpj, active.birthDateIso))).toEqual({
      kind: 'locked',
      retryAt,
    });
    expect(await failureOf(client.lookup(active.kpj))).toEqual({ kind: 'locked', retryAt });
    // Other participants are not affected.
    await verified(client, FIXTURES.highWage.kpj);

    clock = new Date('2026-11-22T02:00:59.999Z');
    expect((await failureOf(client.lookup(active.kpj))).kind).toBe('locked');
    clock = new Date('2026-11-22T02:01:00Z');
    expect(await client.lookup(active.kpj)).toEqual({ verification: ['birthDate'] });
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 2 });
  });

  it('resets the count after a success', async () => {
    const { client } = await start();
    const wrong = () => client.verifyBirthDate(active.kpj, '1970-01-01');
    await failureOf(wrong());
    await failureOf(wrong());
    await verified(client);
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 2 });
  });

  it('honours a configured attempt count and lets the control API clear lockouts', async () => {
    const { host, client } = await start({ maxAttempts: 1 });
    expect((await failureOf(client.verifyBirthDate(active.kpj, '1970-01-01'))).kind).toBe('locked');
    const reset = await fetch(`${host.url}/sim/lockouts`, { method: 'DELETE' });
    expect(reset.status).toBe(200);
    await verified(client);
  });

  it('maps unknown and expired tokens to unauthorized', async () => {
    const { client } = await start({ tokenTtlSeconds: 60 });
    expect(await failureOf(client.balance('not-a-token-at-all'))).toEqual({ kind: 'unauthorized' });
    const token = await verified(client);
    await client.balance(token);
    clock = new Date(clock.getTime() + 60_000);
    expect(await failureOf(client.balance(token))).toEqual({ kind: 'unauthorized' });
    expect(await failureOf(client.contributions(token, 12))).toEqual({ kind: 'unauthorized' });
  });

  it('maps a host that is not there to unavailable', async () => {
    const { host, client } = await start();
    await host.close();
    expect(await failureOf(client.lookup(active.kpj))).toEqual({
      kind: 'unavailable',
      detail: 'ECONNREFUSED',
    });
  });
});

describe('host simulator: request validation', () => {
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-terminal-id': TERMINAL, ...headers },
      body,
    });

  it('rejects a request without X-Terminal-Id', async () => {
    const { host } = await start();
    const response = await fetch(`${host.url}/v1/health`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'badRequest' });
  });

  it('rejects bodies that are not JSON or fail the request schema, without echoing them', async () => {
    const { host } = await start();
    for (const body of ['{"kpj": 1', '{"kpj":"1234"}', '[]']) {
      const response = await post(`${host.url}/v1/lookup`, body);
      expect(response.status).toBe(400);
      const reply = (await response.json()) as { code: string; message: string };
      expect(reply.code).toBe('badRequest');
      expect(reply.message).not.toContain('1234');
    }
    const verify = await post(
      `${host.url}/v1/verify`,
      JSON.stringify({ kpj: active.kpj, birthDate: '17-08-1988' }),
    );
    expect(verify.status).toBe(400);
  });

  it('rejects a months parameter outside 1..120', async () => {
    const { host, client } = await start();
    const token = await verified(client);
    for (const months of ['0', '121', 'abc', '1.5']) {
      const response = await fetch(`${host.url}/v1/contributions?months=${months}`, {
        headers: { 'x-terminal-id': TERMINAL, authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('host simulator: fault injection', () => {
  it('answers 5xx globally without counting attempts, until the faults are cleared', async () => {
    const { host, client } = await start({ faults: { status: 503 } });
    expect(await failureOf(client.lookup(active.kpj))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 503',
    });
    expect((await failureOf(client.verifyBirthDate(active.kpj, '1970-01-01'))).kind).toBe(
      'unavailable',
    );
    host.clearFaults();
    expect(await failureOf(client.verifyBirthDate(active.kpj, '1970-01-01'))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
  });

  it('applies a route fault to that route only, overriding the global fault', async () => {
    const { host, client } = await start();
    host.setFaults({ status: 500, routes: { lookup: { status: 502 }, verify: {} } });
    expect(await failureOf(client.lookup(active.kpj))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 502',
    });
    host.setFaults({ routes: { balance: { status: 500 } } });
    const token = await verified(client);
    expect((await client.contributions(token, 1)).rows).toHaveLength(1);
    expect(await failureOf(client.balance(token))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 500',
    });
  });

  it('answers late with latency, which the client turns into a timeout past its budget', async () => {
    const { host, client } = await start({ latencyMs: 400 }, 150);
    expect(await failureOf(client.lookup(active.kpj))).toEqual({ kind: 'timeout' });
    const patient = new HttpHostClient({
      baseUrl: host.url,
      terminalId: TERMINAL,
      timeoutMs: 5000,
    });
    expect(await patient.lookup(active.kpj)).toEqual({ verification: ['birthDate'] });
    host.setFaults({ routes: { lookup: { latencyMs: 0 } } });
    expect(await client.lookup(active.kpj)).toEqual({ verification: ['birthDate'] });
  });

  it('never answers a hung route; the client times out and close() still returns', async () => {
    const { host, client } = await start({ faults: { routes: { health: { hang: true } } } }, 200);
    expect(await failureOf(client.ping())).toEqual({ kind: 'timeout' });
    // A hung request still open when the simulator closes must not keep it alive. Node's server
    // answers `Expect: 100-continue` as it hands the request to the simulator, so the 100 proves
    // the request is in the simulator's hands (and hung) before close().
    const hung = request(`${host.url}/v1/health`, {
      headers: { 'x-terminal-id': TERMINAL, expect: '100-continue' },
    });
    const pending = new Promise<string>((resolve) => {
      hung.once('response', () => resolve('answered'));
      hung.once('error', () => resolve('dropped'));
    });
    const atSimulator = new Promise((resolve) => hung.once('continue', resolve));
    hung.end();
    await atSimulator;
    await host.close();
    expect(await pending).toBe('dropped');
  });

  it('serves invalid JSON, which the client reports as a malformed reply', async () => {
    const { client } = await start({ faults: { malformed: 'invalidJson' } });
    expect(await failureOf(client.lookup(active.kpj))).toEqual({
      kind: 'malformedReply',
      detail: 'reply is not valid JSON',
    });
  });

  it('serves schema-breaking JSON on each route; the client names the field, never a value', async () => {
    const { host, client } = await start();
    const token = await verified(client);
    host.setFaults({ malformed: 'schemaMismatch' });
    const calls: Array<[() => Promise<unknown>, string]> = [
      [() => client.lookup(active.kpj), 'verification.0'],
      [() => client.verifyBirthDate(active.kpj, active.birthDateIso), 'token'],
      [() => client.balance(token), 'participant'],
      [() => client.contributions(token, 12), 'rows.0'],
      [() => client.ping(), 'status'],
    ];
    for (const [call, field] of calls) {
      const failure = await failureOf(call());
      expect(failure.kind).toBe('malformedReply');
      expect((failure as { detail: string }).detail).toContain(field);
      expect((failure as { detail: string }).detail).not.toMatch(/4\.000\.000|retinaScan|fine/);
    }
  });

  it('takes faults through the control API, validates them, and clears them', async () => {
    const { host, client } = await start();
    const set = await fetch(`${host.url}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503 }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ status: 503 });
    expect((await failureOf(client.lookup(active.kpj))).kind).toBe('unavailable');

    const bad = await fetch(`${host.url}/sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ status: 200, routes: { nowhere: {} } }),
    });
    expect(bad.status).toBe(400);
    expect(await (await fetch(`${host.url}/sim/faults`)).json()).toEqual({ status: 503 });

    const cleared = await fetch(`${host.url}/sim/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({});
    expect(await client.lookup(active.kpj)).toEqual({ verification: ['birthDate'] });
  });

  it('lists the seeded participants for tests through the control API', async () => {
    const { host } = await start();
    const { participants } = (await (await fetch(`${host.url}/sim/participants`)).json()) as {
      participants: Array<{ kpj: string; birthDate: string; closingBalance: number }>;
    };
    expect(participants).toHaveLength(PARTICIPANTS.length);
    expect(participants[0]).toMatchObject({
      kpj: active.kpj,
      birthDate: active.birthDate,
      closingBalance: active.closingBalance,
    });
  });
});
