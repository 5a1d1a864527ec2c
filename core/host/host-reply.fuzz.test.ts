import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { SAMPLE_SUMMARY, sampleContributionRow } from '../session/fake-host.test-helper';
import {
  BalanceSummary,
  BankCardVerifyReply,
  ContributionHistory,
  HealthReply,
  JournalAnchor,
  JournalShipped,
  LookupReply,
  OtpSendReply,
  OtpVerifyReply,
  VerifyReply,
} from './host-api';
import { HostError } from './host-client';
import { interpretReply, type Operation, type ReplySchema } from './host-reply';
import { HttpHostClient } from './http-host-client';

/** Planted in reply values and keys: it must never surface in a HostError. */
const CANARY = 'ZQXcanaryJ';
const KPJ = '17054312128';

const OPERATIONS: Record<Operation, ReplySchema<unknown>> = {
  lookup: LookupReply,
  verify: VerifyReply,
  bankCardVerify: BankCardVerifyReply,
  otpSend: OtpSendReply,
  otpVerify: OtpVerifyReply,
  balance: BalanceSummary,
  contributions: ContributionHistory,
  health: HealthReply,
  anchorStore: 'ignored',
  anchorLatest: JournalAnchor,
  journalShipped: JournalShipped,
  journalRecords: JournalShipped,
};

const ROW = { ...sampleContributionRow('2026-10'), depositDate: '2026-11-10' };

/** A valid 2xx reply of each operation, for the mutations to start from. */
const VALID: Record<Operation, unknown> = {
  lookup: { verification: ['birthDate', 'otp'] },
  verify: { token: 'tok-0123456789abcdef', expiresInSeconds: 300 },
  bankCardVerify: {
    accounts: [
      {
        maskedKpj: '*******2128',
        employer: 'PT Maju Bersama Sejahtera',
        membershipStatus: 'active',
        token: 'tok-0123456789abcdef',
      },
    ],
    expiresInSeconds: 300,
  },
  otpSend: { maskedDestination: '****1234', expiresInSeconds: 300, resendAfterSeconds: 30 },
  otpVerify: { verified: true },
  balance: SAMPLE_SUMMARY,
  contributions: { rows: [ROW, { ...ROW, month: '2026-09' }] },
  health: { status: 'ok', time: '2026-11-22T03:15:00.000Z' },
  anchorStore: {},
  anchorLatest: { seq: 12, hash: 'c'.repeat(64), at: '2026-11-22T03:15:00.000Z' },
  journalShipped: { seq: 12, hash: 'c'.repeat(64) },
  journalRecords: { seq: 13, hash: 'd'.repeat(64) },
};

/** The kiosk's clock in the fuzz: the locked body's retryAt is 15 minutes after it. */
const NOW = new Date('2026-11-22T02:00:00.000Z');

/** Valid error bodies, which the host sends with 4xx. */
const ERROR_BODIES: unknown[] = [
  { code: 'locked', message: `locked ${KPJ}`, retryAt: '2026-11-22T02:15:00.000Z' },
  { code: 'verificationFailed', message: 'wrong', attemptsLeft: 2 },
  { code: 'tooSoon', message: 'wait', retryAfterSeconds: 30 },
  { code: 'otpExpired', message: 'expired' },
  { code: 'pinTriesExceeded', message: 'retain the card' },
  { code: 'noKpjLinked', message: 'no KPJ' },
];

const hostile = fc.oneof(
  fc.constant(CANARY),
  fc.constant(`${CANARY} ${KPJ} 1988-08-17`),
  fc.string({ maxLength: 40 }).map((text) => `${text}${CANARY}`),
  fc.constant(CANARY.repeat(2_000)),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant({ [CANARY]: CANARY }),
  fc.array(fc.constant(CANARY), { maxLength: 200 }),
  fc.constant('2025-02-30'),
  fc.constant('Dec 25'),
);

type Json = unknown;

/** Every path to a value inside a JSON value, the root included. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

/** A deep copy of `value` with the value at `path` replaced (or removed, or given a hostile sibling key). */
function mutated(value: Json, path: Array<string | number>, how: number, replacement: Json): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  if (path.length === 0) return replacement;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (how === 0) delete parent[last];
  else if (how === 1) parent[CANARY] = replacement;
  else parent[last] = replacement;
  return copy;
}

const mutatedReply = (bases: unknown[]) =>
  fc
    .record({
      base: fc.constantFrom(...bases),
      pick: fc.nat(),
      how: fc.nat({ max: 4 }),
      replacement: hostile,
      edits: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ base, pick, how, replacement, edits }) => {
      let value = base;
      for (let edit = 0; edit < edits; edit += 1) {
        const paths = pathsOf(value);
        value = mutated(value, paths[(pick + edit * 7) % paths.length]!, how, replacement);
      }
      return Buffer.from(JSON.stringify(value) ?? 'null');
    });

const asBytes = (value: unknown) => Buffer.from(JSON.stringify(value));

/** A reply body for `operation`: mostly its own valid reply, mutated, or an error body; some noise. */
const bodyFor = (operation: Operation) =>
  fc.oneof(
    { weight: 6, arbitrary: mutatedReply([VALID[operation]]) },
    { weight: 2, arbitrary: mutatedReply(ERROR_BODIES) },
    { weight: 1, arbitrary: fc.constant(asBytes(VALID[operation])) },
    { weight: 1, arbitrary: fc.constantFrom(...ERROR_BODIES.map(asBytes)) },
    { weight: 1, arbitrary: fc.json().map((text) => Buffer.from(`${text}${CANARY}`)) },
    { weight: 1, arbitrary: fc.json().map((text) => Buffer.from(text)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
  );

const operationAndBody = fc
  .constantFrom(...(Object.keys(VALID) as Operation[]))
  .chain((operation) => fc.tuple(fc.constant(operation), bodyFor(operation)));

const status = fc.oneof(
  { weight: 4, arbitrary: fc.constant(200) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      201,
      204,
      301,
      302,
      307,
      400,
      401,
      404,
      409,
      410,
      423,
      429,
      500,
      503,
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
);

const mediaType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', 'text/html', 'application/problem+json', 'text/plain'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `${text}${CANARY}`) },
);

/** What an accepted reply may hold: no string over 500 characters, a JHT summary that adds up. */
function expectBounded(value: unknown): void {
  const strings: string[] = [];
  JSON.stringify(value ?? null, (_key, item: unknown) => {
    if (typeof item === 'string') strings.push(item);
    return item;
  });
  expect(strings.every((text) => text.length <= 500)).toBe(true);
  const jht = (value as Partial<BalanceSummary> | undefined)?.jht;
  if (jht) {
    const { openingBalance, employerContributions, workerContributions, developmentReturns } = jht;
    expect(openingBalance + employerContributions + workerContributions + developmentReturns).toBe(
      jht.closingBalance,
    );
  }
}

/** The call's value or what it threw, so assertions run outside any catch. */
function settle<T>(call: () => T): { value: T } | { error: unknown } {
  try {
    return { value: call() };
  } catch (error) {
    return { error };
  }
}

/** The text a HostError shows anywhere: its message and its failure. */
const errorText = (error: HostError) => `${error.message} ${JSON.stringify(error.failure)}`;

function expectSafeHostError(error: unknown, counts: Record<string, number>): void {
  expect(error).toBeInstanceOf(HostError);
  const text = errorText(error as HostError);
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(KPJ);
  expect(text).not.toContain('1988-08-17');
  expect(text.length).toBeLessThan(300);
  const kind = (error as HostError).failure.kind;
  counts[kind] = (counts[kind] ?? 0) + 1;
}

describe('fuzz: host replies', () => {
  it('interpretReply accepts only valid, bounded 2xx bodies and otherwise throws a HostError that echoes nothing', () => {
    const counts: Record<string, number> = { cases: 0, accepted: 0 };
    fc.assert(
      fc.property(operationAndBody, status, mediaType, ([operation, bytes], code, type) => {
        counts.cases! += 1;
        const schema = OPERATIONS[operation];
        const outcome = settle(() =>
          interpretReply(operation, { status: code, mediaType: type, body: bytes }, schema, NOW),
        );
        if ('error' in outcome) return expectSafeHostError(outcome.error, counts);
        expect(code >= 200 && code < 300).toBe(true);
        if (schema !== 'ignored') expect(schema.safeParse(outcome.value).success).toBe(true);
        expectBounded(outcome.value);
        counts.accepted! += 1;
      }),
      fuzzParameters(),
    );
    reportFuzzCounts('host replies (interpretReply)', counts);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.malformedReply).toBeGreaterThan(0);
  });

  describe('through HttpHostClient and a loopback host', () => {
    let server: Server;
    let client: HttpHostClient;
    let next: { status: number; headers: Record<string, string>; body: Buffer } | null = null;

    beforeAll(async () => {
      server = createServer((request, response) => {
        request.resume();
        request.on('end', () => {
          const answer = next!;
          response.writeHead(answer.status, answer.headers);
          response.end(answer.body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      client = new HttpHostClient({
        baseUrl,
        terminalId: 'KSK-FUZZ-01',
        timeoutMs: 5_000,
        retryDelayMs: 1,
      });
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const calls: Record<Operation, (c: HttpHostClient) => Promise<unknown>> = {
      lookup: (c) => c.lookup(KPJ),
      verify: (c) => c.verifyBirthDate(KPJ, '1988-08-17'),
      bankCardVerify: (c) =>
        c.verifyBankCard({
          cardReference: '476173******0010',
          format: 'iso0',
          pinBlock: '0123456789ABCDEF',
          ksn: 'FFFF9876543210E00001',
        }),
      otpSend: (c) => c.sendOtp('tok-0123456789abcdef'),
      otpVerify: (c) => c.verifyOtp('tok-0123456789abcdef', '123456'),
      balance: (c) => c.balance('tok-0123456789abcdef'),
      contributions: (c) => c.contributions('tok-0123456789abcdef', 24),
      health: (c) => c.ping(),
      anchorStore: (c) =>
        c.sendJournalAnchor({ seq: 1, hash: 'a'.repeat(64), at: '2026-11-22T03:15:00.000Z' }),
      anchorLatest: (c) => c.latestJournalAnchor(),
      journalShipped: (c) => c.journalShipped(),
      journalRecords: (c) => c.shipJournalRecords({ lines: ['{"seq":13}'] }),
    };

    const encoding = fc.constantFrom('none', 'gzip', 'gzip-lie', 'deflate-lie', 'br', CANARY);
    const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

    it('never rejects with anything but a HostError, whatever the status, headers and bytes', async () => {
      const counts: Record<string, number> = { cases: 0, accepted: 0 };
      await fc.assert(
        fc.asyncProperty(
          operationAndBody,
          status,
          mediaType.filter((type) => /^[\x20-\x7e]*$/.test(type)),
          encoding,
          fc.dictionary(fc.stringMatching(/^x-[a-z]{1,10}$/), headerValue, { maxKeys: 3 }),
          async ([operation, bytes], code, type, how, extra) => {
            counts.cases! += 1;
            const headers: Record<string, string> = { ...extra };
            if (type) headers['content-type'] = type;
            let payload = bytes;
            if (how === 'gzip') {
              headers['content-encoding'] = 'gzip';
              payload = gzipSync(bytes);
            } else if (how !== 'none') {
              headers['content-encoding'] = how.replace('-lie', '');
            }
            next = { status: code, headers, body: payload };
            const outcome = await calls[operation](client).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            if ('error' in outcome) return expectSafeHostError(outcome.error, counts);
            expectBounded(outcome.value);
            counts.accepted! += 1;
          },
        ),
        fuzzParameters(),
      );
      reportFuzzCounts('host replies (HttpHostClient over loopback)', counts);
      expect(counts.accepted).toBeGreaterThan(0);
    });
  });
});
