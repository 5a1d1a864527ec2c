import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import type { BankCardVerifyRequest } from './host-api';
import { HostError, type HostFailure } from './host-client';
import { HttpHostClient } from './http-host-client';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let servers: Server[] = [];
const KPJ = '17054312128';
const BANK_CARD_REQUEST: BankCardVerifyRequest = {
  cardReference: '476173******0010',
  format: 'iso0',
  pinBlock: '0123456789ABCDEF',
  ksn: 'FFFF9876543210E00001',
};

/** A scripted stand-in host on 127.0.0.1, so each mapping is checked against exact bytes. */
async function stubHost(handler: Handler, prefix = ''): Promise<string> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, body, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
}

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  const text = `${(error as Error).message} ${JSON.stringify((error as HostError).failure)}`;
  expect(text).not.toContain(KPJ);
  expect(text).not.toContain('1988-08-17');
  expect(text).not.toContain('SITI');
  const { cardReference, pinBlock, ksn } = BANK_CARD_REQUEST;
  for (const secret of [cardReference, pinBlock, ksn]) expect(text).not.toContain(secret);
  return (error as HostError).failure;
}

describe('HttpHostClient', () => {
  it('sends the terminal id, JSON bodies and the bearer token under the base path', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const baseUrl = await stubHost((request, body, response) => {
      seen.push({
        method: request.method,
        url: request.url,
        terminal: request.headers['x-terminal-id'],
        auth: request.headers.authorization,
        type: request.headers['content-type'],
        body,
      });
      if (request.url!.endsWith('/verify')) {
        return reply(response, 200, { token: 'tok-0123456789abcdef', expiresInSeconds: 300 });
      }
      reply(response, 200, { rows: [] });
    }, '/gateway/bpjs');
    const client = new HttpHostClient({ baseUrl, terminalId: 'KSK-01' });
    const { token } = await client.verifyBirthDate(KPJ, '1988-08-17');
    await client.contributions(token, 24);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/gateway/bpjs/v1/verify',
        terminal: 'KSK-01',
        auth: undefined,
        type: 'application/json',
        body: JSON.stringify({ kpj: KPJ, birthDate: '1988-08-17' }),
      },
      {
        method: 'GET',
        url: '/gateway/bpjs/v1/contributions?months=24',
        terminal: 'KSK-01',
        auth: 'Bearer tok-0123456789abcdef',
        type: undefined,
        body: '',
      },
    ]);
  });

  it('names the failing field of a reply but never its value', async () => {
    const baseUrl = await stubHost((_request, _body, response) =>
      reply(response, 200, {
        participant: { name: 'SITI RAHAYU', kpj: `${KPJ}9` },
        jht: {},
        programs: [],
      }),
    );
    const failure = await failureOf(new HttpHostClient({ baseUrl, terminalId: 'K' }).balance('t'));
    expect(failure.kind).toBe('malformedReply');
    expect((failure as { detail: string }).detail).toMatch(/^participant\.\w+: \w+/);
  });

  it('maps error statuses by operation', async () => {
    let next: [number, unknown] = [401, { code: 'unauthorized', message: 'x' }];
    const baseUrl = await stubHost((_request, _body, response) => reply(response, ...next));
    const now = () => new Date('2026-11-22T02:00:00.000Z');
    const client = new HttpHostClient({ baseUrl, terminalId: 'K', now });

    expect(await failureOf(client.balance('t'))).toEqual({ kind: 'unauthorized' });
    next = [401, { code: 'verificationFailed', message: 'x', attemptsLeft: 1 }];
    expect(await failureOf(client.verifyBirthDate(KPJ, '1988-08-17'))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 1,
    });
    next = [401, { code: 'verificationFailed', message: 'x' }];
    expect((await failureOf(client.verifyBirthDate(KPJ, '1988-08-17'))).kind).toBe(
      'malformedReply',
    );
    next = [423, { code: 'locked', message: 'x', retryAt: '2026-11-22T02:15:00.000Z' }];
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'locked',
      retryAt: '2026-11-22T02:15:00.000Z',
    });
    next = [423, { code: 'locked', message: 'x' }];
    expect((await failureOf(client.lookup(KPJ))).kind).toBe('malformedReply');
    next = [404, 'not json at all'];
    expect(await failureOf(client.lookup(KPJ))).toEqual({ kind: 'notFound' });
    next = [502, '<html>Bad Gateway</html>'];
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 502',
    });
    next = [400, { code: 'badRequest', message: `bad kpj ${KPJ}` }];
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 400 badRequest',
    });
  });

  it('sends a bank card verify as it is given, to /v1/bank-card/verify under the base path', async () => {
    const seen: string[] = [];
    const accounts = [
      {
        maskedKpj: '*******2128',
        employer: 'PT Maju Bersama Sejahtera',
        membershipStatus: 'active',
        token: 'tok-0123456789abcdef',
      },
    ];
    const baseUrl = await stubHost((request, body, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers['x-terminal-id']} ${body}`);
      reply(response, 200, { accounts, expiresInSeconds: 300 });
    }, '/gw');
    const client = new HttpHostClient({ baseUrl, terminalId: 'ATM-01' });
    expect(await client.verifyBankCard(BANK_CARD_REQUEST)).toEqual({
      accounts,
      expiresInSeconds: 300,
    });
    expect(seen).toEqual([
      `POST /gw/v1/bank-card/verify ATM-01 ${JSON.stringify(BANK_CARD_REQUEST)}`,
    ]);
  });

  it("maps the bank link's refusals, and only for the bank link", async () => {
    let next: [number, unknown] = [
      401,
      { code: 'verificationFailed', message: 'x', attemptsLeft: 2 },
    ];
    const baseUrl = await stubHost((_request, _body, response) => reply(response, ...next));
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    const verify = () => failureOf(client.verifyBankCard(BANK_CARD_REQUEST));
    expect(await verify()).toEqual({ kind: 'verificationFailed', attemptsLeft: 2 });
    next = [401, { code: 'verificationFailed', message: 'x' }];
    expect(await verify()).toEqual({
      kind: 'malformedReply',
      detail: 'HTTP 401 attemptsLeft: missing',
    });
    next = [403, { code: 'cardBlocked', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'cardBlocked' });
    next = [403, { code: 'pinTriesExceeded', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'pinTriesExceeded' });
    next = [403, { code: 'noKpjLinked', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'unavailable', detail: 'HTTP 403 noKpjLinked' });
    next = [404, { code: 'noKpjLinked', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'noKpjLinked' });
    next = [404, { code: 'notFound', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'notFound' });
    next = [404, '<html>Not Found</html>'];
    expect(await verify()).toEqual({ kind: 'notFound' });
    next = [503, { code: 'internal', message: 'x' }];
    expect(await verify()).toEqual({ kind: 'unavailable', detail: 'HTTP 503' });
    next = [200, { accounts: [], expiresInSeconds: 300 }];
    expect(await verify()).toEqual({ kind: 'malformedReply', detail: 'accounts: too_small' });

    // Another operation knows none of these codes.
    next = [404, { code: 'noKpjLinked', message: 'x' }];
    expect(await failureOf(client.lookup(KPJ))).toEqual({ kind: 'notFound' });
    next = [403, { code: 'pinTriesExceeded', message: 'x' }];
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 403 pinTriesExceeded',
    });
  });

  it('times out when the body stalls after the headers', async () => {
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"verification":');
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K', timeoutMs: 200 });
    expect(await failureOf(client.lookup(KPJ))).toEqual({ kind: 'timeout' });
  });

  it("stops when the caller's signal aborts, still rejecting with a HostError", async () => {
    const baseUrl = await stubHost(() => {
      // never answers
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K', timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = client.lookup(KPJ, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await failureOf(pending)).toEqual({ kind: 'unavailable', detail: 'request canceled' });
    expect(await failureOf(client.ping(AbortSignal.timeout(50)))).toEqual({ kind: 'timeout' });
  });

  it('a signal aborted before the call sends nothing and leaves no stray socket error', async () => {
    let requests = 0;
    const baseUrl = await stubHost((_request, _body, response) => {
      requests += 1;
      reply(response, 200, { seq: 0, hash: '0'.repeat(64) });
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    const stray: unknown[] = [];
    const onStray = (error: unknown) => stray.push(error);
    process.on('uncaughtException', onStray);
    try {
      expect(await failureOf(client.journalShipped(AbortSignal.abort()))).toEqual({
        kind: 'unavailable',
        detail: 'request canceled',
      });
      await new Promise((resolve) => setImmediate(resolve)); // where the socket error would land
    } finally {
      process.off('uncaughtException', onStray);
    }
    expect(stray).toEqual([]);
    expect(requests).toBe(0);
  });

  it('ships journal lines and reads what the host holds; 409 conflict, 422 refused', async () => {
    const seen: string[] = [];
    let next: [number, unknown] = [200, { seq: 2, hash: 'b'.repeat(64) }];
    const baseUrl = await stubHost((request, body, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers['x-terminal-id']} ${body}`);
      reply(response, ...next);
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'KSK-01' });
    const lines = ['{"seq":1}', '{"seq":2}'];
    expect(await client.shipJournalRecords({ lines })).toEqual({ seq: 2, hash: 'b'.repeat(64) });
    expect(await client.journalShipped()).toEqual({ seq: 2, hash: 'b'.repeat(64) });
    expect(seen).toEqual([
      `POST /v1/journal/records KSK-01 ${JSON.stringify({ lines })}`,
      'GET /v1/journal/shipped KSK-01 ',
    ]);
    next = [409, { code: 'conflict', message: 'does not follow on' }];
    expect(await failureOf(client.shipJournalRecords({ lines }))).toEqual({ kind: 'conflict' });
    next = [422, { code: 'badRequest', message: 'seq 2: content does not match its hash' }];
    expect(await failureOf(client.shipJournalRecords({ lines }))).toEqual({
      kind: 'refused',
      detail: 'HTTP 422',
    });
    next = [200, { seq: -1, hash: 'b'.repeat(64) }];
    expect((await failureOf(client.journalShipped())).kind).toBe('malformedReply');
    const tooBig = Array.from({ length: 20 }, () => 'x'.repeat(16_000));
    expect(await failureOf(client.shipJournalRecords({ lines: tooBig }))).toEqual({
      kind: 'unavailable',
      detail: 'request not sent: lines: custom',
    });
    expect(seen).toHaveLength(5);
  });

  it('sends a journal anchor under the base path; 200 with any body counts as stored', async () => {
    const seen: string[] = [];
    const baseUrl = await stubHost((request, body, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers['x-terminal-id']} ${body}`);
      if (request.method === 'POST') return reply(response, 200, 'stored, thanks');
      reply(response, 404, { code: 'notFound', message: 'no journal anchor for this terminal' });
    }, '/gw');
    const client = new HttpHostClient({ baseUrl, terminalId: 'KSK-01' });
    const anchor = { seq: 12, hash: 'c'.repeat(64), at: '2026-11-22T03:15:00.000Z' };
    await expect(client.sendJournalAnchor(anchor)).resolves.toBeUndefined();
    expect(await client.latestJournalAnchor()).toBeNull();
    expect(seen).toEqual([
      `POST /gw/v1/journal-anchors KSK-01 ${JSON.stringify(anchor)}`,
      'GET /gw/v1/journal-anchors/latest KSK-01 ',
    ]);
  });

  it('maps 409 to conflict and keeps 5xx and timeouts as they are for anchors', async () => {
    let next: [number, unknown] = [409, { code: 'conflict', message: 'later anchor' }];
    const baseUrl = await stubHost((_request, _body, response) => reply(response, ...next));
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    const anchor = { seq: 3, hash: 'd'.repeat(64), at: '2026-11-22T03:15:00.000Z' };
    expect(await failureOf(client.sendJournalAnchor(anchor))).toEqual({ kind: 'conflict' });
    next = [503, { code: 'internal', message: 'x' }];
    expect(await failureOf(client.latestJournalAnchor())).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 503',
    });
  });

  it('resolves ping with the round-trip time in ms', async () => {
    const baseUrl = await stubHost((_request, _body, response) =>
      reply(response, 200, { status: 'ok', time: new Date().toISOString() }),
    );
    const ms = await new HttpHostClient({ baseUrl: `${baseUrl}/`, terminalId: 'K' }).ping();
    expect(Number.isInteger(ms)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it.each([301, 302, 303, 307, 308])(
    'follows no %i redirect: the KPJ and birth date never reach the other origin',
    async (status) => {
      const elsewhere: string[] = [];
      const otherOrigin = await stubHost((request, body, response) => {
        elsewhere.push(`${request.method} ${request.url} ${body}`);
        reply(response, 200, { token: 'tok-0123456789abcdef', expiresInSeconds: 300 });
      });
      const baseUrl = await stubHost((_request, _body, response) => {
        response.writeHead(status, { location: `${otherOrigin}/steal` });
        response.end();
      });
      const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
      expect(await failureOf(client.verifyBirthDate(KPJ, '1988-08-17'))).toEqual({
        kind: 'unavailable',
        detail: `HTTP ${status} (redirects are not followed)`,
      });
      expect(elsewhere).toEqual([]);
    },
  );

  it('stops reading a 50 MB reply at 256 KB and calls it malformed', async () => {
    let written = 0;
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"verification":["birthDate"]');
      // Valid JSON all the way: 50 MB of spaces before the closing brace.
      const spaces = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 50 * 1024 * 1024 && !response.destroyed) {
          written += spaces.length;
          if (!response.write(spaces)) return void response.once('drain', pump);
        }
        response.end('}');
      };
      pump();
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'malformedReply',
      detail: 'reply too large',
    });
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a reply whose declared length is over the cap before reading it', async () => {
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(50 * 1024 * 1024),
      });
      response.write('{');
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'malformedReply',
      detail: 'reply too large',
    });
  });

  it('caps the decoded body: a 300 KB gzip that inflates to 300 MB is refused', async () => {
    // 30 gzip members of 10 MB of spaces each, inside a valid JSON reply.
    const tenMegabytes = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 });
    const bomb = Buffer.concat([
      gzipSync('{"verification":["birthDate"]'),
      ...Array.from({ length: 30 }, () => tenMegabytes),
      gzipSync('}'),
    ]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'malformedReply',
      detail: 'reply too large',
    });
  });

  it('reads a gzip reply under the cap, and refuses an encoding it did not ask for', async () => {
    let encoding = 'gzip';
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      response.end(gzipSync(JSON.stringify({ verification: ['birthDate'] })));
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await client.lookup(KPJ)).toEqual({ verification: ['birthDate'] });
    encoding = 'compress';
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'malformedReply',
      detail: 'unsupported content-encoding',
    });
  });

  it('accepts JSON only when it says so: application/json, with or without a charset', async () => {
    let type = 'text/html';
    const baseUrl = await stubHost((_request, _body, response) => {
      response.writeHead(200, { 'content-type': type });
      response.end(JSON.stringify({ verification: ['birthDate'] }));
    });
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failureOf(client.lookup(KPJ))).toEqual({
      kind: 'malformedReply',
      detail: 'content type is not application/json',
    });
    type = 'Application/JSON; charset=utf-8';
    expect(await client.lookup(KPJ)).toEqual({ verification: ['birthDate'] });
  });

  it.each(['1', 'Dec 25', '2026-11-22', 'tomorrow at nine'])(
    'refuses a lock whose retryAt is %j: ISO 8601 instants only',
    async (retryAt) => {
      const baseUrl = await stubHost((_request, _body, response) =>
        reply(response, 423, { code: 'locked', message: 'x', retryAt }),
      );
      const failure = await failureOf(new HttpHostClient({ baseUrl, terminalId: 'K' }).lookup(KPJ));
      expect(failure).toEqual({
        kind: 'malformedReply',
        detail: 'HTTP 423 retryAt: invalid_format',
      });
    },
  );

  it.each([
    ['9999-12-31T23:59:59Z', 'more than 48 h ahead'],
    ['2026-11-24T02:00:01.000Z', 'more than 48 h ahead'],
    ['0000-01-01T00:00:00Z', 'in the past'],
    ['2026-11-22T01:54:59.000Z', 'more than 5 minutes in the past'],
  ])('refuses a lock whose retryAt is %s: %s', async (retryAt) => {
    const baseUrl = await stubHost((_request, _body, response) =>
      reply(response, 423, { code: 'locked', message: 'x', retryAt }),
    );
    const now = () => new Date('2026-11-22T02:00:00.000Z');
    const failure = await failureOf(
      new HttpHostClient({ baseUrl, terminalId: 'K', now }).lookup(KPJ),
    );
    expect(failure).toEqual({ kind: 'malformedReply', detail: 'HTTP 423 retryAt: out of range' });
  });

  it.each(['2026-11-24T02:00:00.000Z', '2026-11-22T01:55:00.000Z', '2026-11-22T09:15:00+07:00'])(
    'takes a lock until %s: within 5 minutes back (clock skew) to 48 h ahead',
    async (retryAt) => {
      const baseUrl = await stubHost((_request, _body, response) =>
        reply(response, 423, { code: 'locked', message: 'x', retryAt }),
      );
      const now = () => new Date('2026-11-22T02:00:00.000Z');
      const client = new HttpHostClient({ baseUrl, terminalId: 'K', now });
      expect(await failureOf(client.lookup(KPJ))).toEqual({ kind: 'locked', retryAt });
    },
  );

  it.each([
    ['a header break', 'tok-0123456789abcdef\r\nX-Injected: 1'],
    ['spaces', 'tok 0123456789 abcdef'],
    ['a 10,000-character token', 'a'.repeat(10_000)],
    ['a short token', 'abc'],
  ])('refuses a verify reply whose token has %s', async (_what, token) => {
    const baseUrl = await stubHost((_request, _body, response) =>
      reply(response, 200, { token, expiresInSeconds: 300 }),
    );
    const client = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failureOf(client.verifyBirthDate(KPJ, '1988-08-17'))).toEqual({
      kind: 'malformedReply',
      detail: 'token: invalid_format',
    });
  });

  describe('retries', () => {
    /** Fails the first `failures` requests (reset or 503), then answers `ok`; counts requests. */
    async function flakyHost(failure: 'reset' | 503, ok: unknown, failures = 1) {
      const seen: string[] = [];
      const baseUrl = await stubHost((request, _body, response) => {
        seen.push(`${request.method} ${request.url}`);
        if (seen.length > failures) return reply(response, 200, ok);
        if (failure === 503) return reply(response, 503, { code: 'internal', message: 'busy' });
        request.socket.resetAndDestroy();
      });
      const client = new HttpHostClient({ baseUrl, terminalId: 'K', retryDelayMs: 20 });
      return { client, seen };
    }

    it('reads the balance again once after a connection reset', async () => {
      const { client, seen } = await flakyHost('reset', SAMPLE_SUMMARY);
      expect(await client.balance('t')).toEqual(SAMPLE_SUMMARY);
      expect(seen).toEqual(['GET /v1/balance', 'GET /v1/balance']);
    });

    it('reads the history again once after a 503', async () => {
      const { client, seen } = await flakyHost(503, { rows: [] });
      expect(await client.contributions('t', 24)).toEqual({ rows: [] });
      expect(seen).toHaveLength(2);
    });

    it('gives up after the second failure: one retry, not more', async () => {
      const { client, seen } = await flakyHost(503, SAMPLE_SUMMARY, 5);
      expect(await failureOf(client.balance('t'))).toEqual({
        kind: 'unavailable',
        detail: 'HTTP 503',
      });
      expect(seen).toHaveLength(2);
    });

    it('never sends a verification twice: verify, OTP send and OTP verify are not retried', async () => {
      const reset = await flakyHost('reset', {
        token: 'tok-0123456789abcdef',
        expiresInSeconds: 1,
      });
      expect(await failureOf(reset.client.verifyBirthDate(KPJ, '1988-08-17'))).toEqual({
        kind: 'unavailable',
        detail: 'ECONNRESET',
      });
      expect(reset.seen).toEqual(['POST /v1/verify']);

      const busy = await flakyHost(503, { verified: true }, 2);
      const busyFailure = { kind: 'unavailable', detail: 'HTTP 503' };
      expect(await failureOf(busy.client.verifyOtp('t', '123456'))).toEqual(busyFailure);
      expect(await failureOf(busy.client.sendOtp('t'))).toEqual(busyFailure);
      expect(busy.seen).toEqual(['POST /v1/otp/verify', 'POST /v1/otp/send']);
    });

    it.each(['reset', 503] as const)(
      'never sends a bank card verify twice, not even after a %s: it could spend a PIN try',
      async (failure) => {
        const { client, seen } = await flakyHost(failure, { accounts: [], expiresInSeconds: 1 });
        expect((await failureOf(client.verifyBankCard(BANK_CARD_REQUEST))).kind).toBe(
          'unavailable',
        );
        expect(seen).toEqual(['POST /v1/bank-card/verify']);
      },
    );
  });
});
