import { afterEach, describe, expect, it } from 'vitest';
import { cardReferenceOf } from '../../core/common/domain/card-reference';
import type { BankCardVerifyRequest } from '../../core/host/host-api';
import { HostError, type HostFailure } from '../../core/host/host-client';
import { withHostTroubleLog } from '../../core/host/host-trouble-log';
import { HttpHostClient } from '../../core/host/http-host-client';
import { createLogger } from '../../core/log/logger';
import { SimulatedDukptKeys } from '../pinpad/simulated-dukpt-keys';
import type { HostSimulatorOptions, RequestLogEntry } from './host-simulator';
import {
  BANK_CARDS,
  FIXTURES,
  PARTICIPANTS,
  startHostSimulator,
  UNKNOWN_CARD_PAN,
  type HostSimulator,
  type SimBankCard,
} from './index';

const TERMINAL = 'ATM-TEST-01';
const { oneKpj, twoKpjs, blocked, noKpj } = BANK_CARDS;
const UNKNOWN_CARD: SimBankCard = { pan: UNKNOWN_CARD_PAN, pin: '1234', kpjs: [] };
const WRONG_PIN = '9999';

let host: HostSimulator | null = null;
let requestLog: RequestLogEntry[] = [];
/** Every PAN, card reference, PIN block and KSN a test sent: none may show up anywhere. */
let secrets: string[] = [];
/** One simulated encrypting pin pad per test, with the published test keys. */
let pinPad = new SimulatedDukptKeys();

async function start(options: HostSimulatorOptions = {}, timeoutMs = 2000) {
  requestLog = [];
  secrets = [];
  pinPad = new SimulatedDukptKeys();
  host = await startHostSimulator({ onRequest: (entry) => requestLog.push(entry), ...options });
  const client = new HttpHostClient({ baseUrl: host.url, terminalId: TERMINAL, timeoutMs });
  return { host, client };
}

afterEach(async () => {
  await host?.close();
  host = null;
});

/** What the kiosk sends for a card after the person typed `pin` on the pin pad. */
function pinEntry(
  card: SimBankCard,
  pin = card.pin,
  format: BankCardVerifyRequest['format'] = 'iso0',
  blockPan = card.pan,
): BankCardVerifyRequest {
  const { pinBlock, ksn } = pinPad.pinBlock(format === 'iso0' ? 0 : 4, pin, blockPan);
  const request = { cardReference: cardReferenceOf(card.pan), format, pinBlock, ksn };
  secrets.push(card.pan, request.cardReference, pinBlock, ksn);
  return request;
}

function expectNoSecretIn(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  expectNoSecretIn(`${(error as Error).message} ${JSON.stringify((error as HostError).failure)}`);
  return (error as HostError).failure;
}

const participantOf = (kpj: string) => PARTICIPANTS.find((p) => p.kpj === kpj)!;

describe('bank link: the simulated bank and HttpHostClient', () => {
  it.each(['iso0', 'iso4'] as const)(
    'takes the right PIN in an %s block and opens the balance of the one linked KPJ',
    async (format) => {
      const { client } = await start();
      const reply = await client.verifyBankCard(pinEntry(oneKpj, oneKpj.pin, format));
      expect(reply.expiresInSeconds).toBe(300);
      expect(reply.accounts).toHaveLength(1);
      expect(reply.accounts[0]).toMatchObject({
        maskedKpj: '*******2128',
        employer: 'PT Maju Bersama Sejahtera',
        membershipStatus: 'active',
      });
      const summary = await client.balance(reply.accounts[0]!.token);
      expect(summary.participant.kpj).toBe(FIXTURES.active.kpj);
      expect(summary.jht.closingBalance).toBe(FIXTURES.active.closingBalance);
    },
  );

  it("gives one token per KPJ of a two-KPJ card, each opening its own KPJ's balance and history", async () => {
    const { client } = await start();
    const { accounts } = await client.verifyBankCard(pinEntry(twoKpjs, twoKpjs.pin, 'iso4'));
    expect(accounts.map((a) => [a.maskedKpj, a.employer, a.membershipStatus])).toEqual([
      ['*******8305', 'PT Karya Anugerah Konstruksi', 'active'],
      ['*******0517', 'CV Sumber Rejeki Abadi', 'inactive'],
    ]);
    const [newJob, oldJob] = accounts.map((account) => account.token);
    expect(newJob).not.toBe(oldJob);

    const current = await client.balance(newJob!);
    expect(current.participant.kpj).toBe(FIXTURES.secondKpj.kpj);
    expect(current.jht.closingBalance).toBe(FIXTURES.secondKpj.closingBalance);
    const former = await client.balance(oldJob!);
    expect(former.participant.kpj).toBe(FIXTURES.inactive.kpj);
    expect(former.jht.closingBalance).toBe(FIXTURES.inactive.closingBalance);
    expect(current.participant.name).toBe(former.participant.name);

    expect((await client.contributions(newJob!, 12)).rows[0]!.month).toBe('2026-10');
    expect((await client.contributions(oldJob!, 12)).rows).toEqual(
      participantOf(FIXTURES.inactive.kpj).rows.filter((row) => row.month > '2023-06'),
    );
  });

  it('counts wrong PINs per card down to pinTriesExceeded, then refuses even the right PIN until resetLockouts', async () => {
    const { host, client } = await start();
    const wrong = () => client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN));
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 2 });
    expect(await failureOf(wrong())).toEqual({ kind: 'verificationFailed', attemptsLeft: 1 });
    expect(await failureOf(wrong())).toEqual({ kind: 'pinTriesExceeded' });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj)))).toEqual({
      kind: 'pinTriesExceeded',
    });
    // Another card is not affected.
    expect((await client.verifyBankCard(pinEntry(twoKpjs))).accounts).toHaveLength(2);

    host.resetLockouts();
    expect((await client.verifyBankCard(pinEntry(oneKpj))).accounts).toHaveLength(1);
  });

  it('starts the count afresh after a right PIN, and honours maxAttempts', async () => {
    const { client } = await start({ maxAttempts: 2 });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 1,
    });
    await client.verifyBankCard(pinEntry(oneKpj));
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 1,
    });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN, 'iso4')))).toEqual({
      kind: 'pinTriesExceeded',
    });
  });

  it('takes a block made for another PAN as a wrong PIN, even with the right digits', async () => {
    const { client } = await start();
    const elsewhere = pinEntry(oneKpj, oneKpj.pin, 'iso0', twoKpjs.pan);
    expect(await failureOf(client.verifyBankCard(elsewhere))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
  });

  it('refuses a blocked card whatever the PIN', async () => {
    const { client } = await start();
    for (const pin of [blocked.pin, WRONG_PIN, WRONG_PIN, WRONG_PIN]) {
      expect(await failureOf(client.verifyBankCard(pinEntry(blocked, pin)))).toEqual({
        kind: 'cardBlocked',
      });
    }
  });

  it('says no KPJ is linked only after the right PIN', async () => {
    const { client } = await start();
    expect(await failureOf(client.verifyBankCard(pinEntry(noKpj, WRONG_PIN)))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
    expect(await failureOf(client.verifyBankCard(pinEntry(noKpj, noKpj.pin, 'iso4')))).toEqual({
      kind: 'noKpjLinked',
    });
  });

  it('does not know a card no seeded customer holds', async () => {
    const { client } = await start();
    expect(await failureOf(client.verifyBankCard(pinEntry(UNKNOWN_CARD)))).toEqual({
      kind: 'notFound',
    });
  });
});

describe('bank link: faults, and never twice', () => {
  it('sends the verify exactly once on a 503, and the failed call spends no PIN try', async () => {
    const { host, client } = await start({
      faults: { routes: { bankCardVerify: { status: 503 } } },
    });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 503',
    });
    expect(requestLog.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['POST', '/v1/bank-card/verify', 503],
    ]);
    host.clearFaults();
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
  });

  it('applies the global fault to the bank link like every route', async () => {
    const { client } = await start({ faults: { status: 500 } });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj)))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 500',
    });
  });

  it('reports a reply that breaks the schema or is not JSON as malformed, naming the field only', async () => {
    const { host, client } = await start({ faults: { malformed: 'schemaMismatch' } });
    const mismatch = await failureOf(client.verifyBankCard(pinEntry(oneKpj)));
    expect(mismatch).toMatchObject({ kind: 'malformedReply' });
    expect((mismatch as { detail: string }).detail).toMatch(/^accounts\.0\.\w+: \w+/);
    expect((mismatch as { detail: string }).detail).not.toContain('all of them');
    host.setFaults({ routes: { bankCardVerify: { malformed: 'invalidJson' } } });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj)))).toEqual({
      kind: 'malformedReply',
      detail: 'reply is not valid JSON',
    });
  });

  it('times out on a hung or late bank link, once', async () => {
    const { host, client } = await start(
      { faults: { routes: { bankCardVerify: { hang: true } } } },
      200,
    );
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj)))).toEqual({ kind: 'timeout' });
    host.setFaults({ routes: { bankCardVerify: { latencyMs: 1000 } } });
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj)))).toEqual({ kind: 'timeout' });
    host.clearFaults();
    expect((await client.verifyBankCard(pinEntry(oneKpj))).accounts).toHaveLength(1);
  });
});

describe('bank link: no card data in any log', () => {
  it('keeps PAN, card reference, PIN block and KSN out of the request log, the trouble log and the answers', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l) => void lines.push(l) },
    });
    const { host, client: http } = await start({}, 200);
    const client = withHostTroubleLog(http, logger);

    await client.verifyBankCard(pinEntry(twoKpjs));
    for (const card of [blocked, noKpj, UNKNOWN_CARD])
      await failureOf(client.verifyBankCard(pinEntry(card)));
    await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)));
    for (const fault of [
      { status: 503 },
      { malformed: 'schemaMismatch' },
      { hang: true },
    ] as const) {
      host.setFaults({ routes: { bankCardVerify: fault } });
      await failureOf(client.verifyBankCard(pinEntry(oneKpj)));
    }
    host.clearFaults();
    const raw = await fetch(`${host.url}/v1/bank-card/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-terminal-id': TERMINAL },
      body: JSON.stringify({ ...pinEntry(oneKpj), format: 'iso4' }),
    });
    expect(raw.status).toBe(400);
    expectNoSecretIn(await raw.text());

    expect(requestLog).toHaveLength(8); // every call but the hung one, which never finished
    expectNoSecretIn(JSON.stringify(requestLog));
    // The three outages are logged, with the operation and the failure only.
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { operation: 'verifyBankCard', failure: { kind: 'unavailable' }, msg: 'host trouble' },
      { operation: 'verifyBankCard', failure: { kind: 'malformedReply' }, msg: 'host trouble' },
      { operation: 'verifyBankCard', failure: { kind: 'timeout' }, msg: 'host trouble' },
    ]);
    expectNoSecretIn(lines.join('\n'));
  });
});

describe('bank link: request validation', () => {
  const post = (url: string, body: string) =>
    fetch(`${url}/v1/bank-card/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-terminal-id': TERMINAL },
      body,
    });

  it('answers 400, without echoing the request, to a body that fails the schema', async () => {
    const { host, client } = await start();
    const good = pinEntry(oneKpj);
    const aes = pinEntry(oneKpj, oneKpj.pin, 'iso4');
    const bodies: Array<[string, unknown]> = [
      ['not JSON', '{"cardReference": '],
      ['an array', []],
      ['no PIN block', { ...good, pinBlock: undefined }],
      ['the full PAN as the reference', { ...good, cardReference: oneKpj.pan }],
      ['lowercase hex', { ...good, pinBlock: good.pinBlock.toLowerCase() }],
      ['an unknown format', { ...good, format: 'iso1' }],
      ['an AES block sent as format 0', { ...aes, format: 'iso0' }],
      ['a TDES KSN with a format 4 block', { ...aes, ksn: good.ksn }],
    ];
    for (const [what, body] of bodies) {
      const response = await post(host.url, typeof body === 'string' ? body : JSON.stringify(body));
      expect(response.status, what).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text), what).toMatchObject({ code: 'badRequest' });
      expectNoSecretIn(text);
    }
    // None of them counted as a PIN try.
    expect(await failureOf(client.verifyBankCard(pinEntry(oneKpj, WRONG_PIN)))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
  });

  it('is refused by the client before anything is sent, naming the field only', async () => {
    const { client } = await start();
    const request = { ...pinEntry(oneKpj), format: 'iso4' as const };
    expect(await failureOf(client.verifyBankCard(request))).toEqual({
      kind: 'unavailable',
      detail: 'request not sent: pinBlock: custom; ksn: custom',
    });
    expect(requestLog).toEqual([]);
  });
});
