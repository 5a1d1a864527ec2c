import { afterEach, describe, expect, it } from 'vitest';
import { HostError, type HostFailure } from '../../core/host/host-client';
import { HttpHostClient } from '../../core/host/http-host-client';
import { startHostSimulator, type HostSimulator } from './index';

let host: HostSimulator | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

const hashOf = (digit: string) => digit.repeat(64);
const anchor = (seq: number, digit = 'a') => ({
  seq,
  hash: hashOf(digit),
  at: '2026-11-22T03:15:00.000Z',
});

async function start() {
  host = await startHostSimulator();
  const client = (terminalId = 'KSK-JKT-01') =>
    new HttpHostClient({ baseUrl: host!.url, terminalId, timeoutMs: 2000 });
  return { host, client };
}

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return (error as HostError).failure;
}

function post(body: unknown, terminalId: string | null = 'KSK-JKT-01') {
  return fetch(`${host!.url}/v1/journal-anchors`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(terminalId ? { 'x-terminal-id': terminalId } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('host simulator: journal anchors', () => {
  it('answers 404 (null in the client) before a terminal sent any anchor', async () => {
    const { client } = await start();
    expect(await client().latestJournalAnchor()).toBeNull();
    const raw = await fetch(`${host!.url}/v1/journal-anchors/latest`, {
      headers: { 'x-terminal-id': 'KSK-JKT-01' },
    });
    expect(raw.status).toBe(404);
    expect(await raw.json()).toMatchObject({ code: 'notFound' });
  });

  it('stores an anchor with 204 and returns the latest one, per terminal', async () => {
    const { client } = await start();
    const first = await post(anchor(5));
    expect(first.status).toBe(204);
    await client().sendJournalAnchor(anchor(9, 'b'));
    expect(await client().latestJournalAnchor()).toEqual(anchor(9, 'b'));
    expect(await client('KSK-SBY-02').latestJournalAnchor()).toBeNull();
    await client('KSK-SBY-02').sendJournalAnchor(anchor(2, 'c'));
    expect(host!.journalAnchorOf('KSK-SBY-02')).toEqual(anchor(2, 'c'));
    expect(host!.journalAnchorOf('KSK-JKT-01')).toEqual(anchor(9, 'b'));
  });

  it('refuses a lower seq with 409 so a shorter, rewritten journal cannot replace the anchor', async () => {
    const { client } = await start();
    await client().sendJournalAnchor(anchor(120));
    const raw = await post(anchor(80, 'f'));
    expect(raw.status).toBe(409);
    expect(await raw.json()).toMatchObject({ code: 'conflict' });
    expect(await failureOf(client().sendJournalAnchor(anchor(119, 'f')))).toEqual({
      kind: 'conflict',
    });
    expect(await client().latestJournalAnchor()).toEqual(anchor(120));
  });

  it('accepts the same anchor again but refuses another hash for the stored seq', async () => {
    const { client } = await start();
    await client().sendJournalAnchor(anchor(7));
    await client().sendJournalAnchor({ ...anchor(7), at: '2026-11-22T03:20:00.000Z' });
    expect(await failureOf(client().sendJournalAnchor(anchor(7, 'e')))).toEqual({
      kind: 'conflict',
    });
    expect(await client().latestJournalAnchor()).toEqual(anchor(7));
  });

  it.each([
    ['a hash of 63 hex digits', { ...anchor(3), hash: 'a'.repeat(63) }],
    ['a hash that is not hex', { ...anchor(3), hash: 'g'.repeat(64) }],
    ['an upper-case hash', { ...anchor(3), hash: 'A'.repeat(64) }],
    ['seq 0', anchor(0)],
    ['a seq that is not an integer', { ...anchor(3), seq: 2.5 }],
    ['no time', { seq: 3, hash: hashOf('a') }],
  ])('answers 400 for %s and stores nothing', async (_name, body) => {
    await start();
    const raw = await post(body);
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 'badRequest' });
    expect(host!.journalAnchorOf('KSK-JKT-01')).toBeNull();
  });

  it('answers 400 without X-Terminal-Id', async () => {
    await start();
    expect((await post(anchor(3), null)).status).toBe(400);
  });

  it('keeps the stored anchor when a fault answers 503, and forgets all on DELETE /sim/journal-anchors', async () => {
    const { client } = await start();
    await client().sendJournalAnchor(anchor(4));
    host!.setFaults({ routes: { anchorStore: { status: 503 } } });
    expect(await failureOf(client().sendJournalAnchor(anchor(6)))).toMatchObject({
      kind: 'unavailable',
      detail: 'HTTP 503',
    });
    expect(await client().latestJournalAnchor()).toEqual(anchor(4));
    host!.clearFaults();
    const reset = await fetch(`${host!.url}/sim/journal-anchors`, { method: 'DELETE' });
    expect(reset.status).toBe(200);
    expect(await client().latestJournalAnchor()).toBeNull();
  });

  it('answers a malformed latest anchor as malformedReply', async () => {
    const { client } = await start();
    host!.setFaults({ routes: { anchorLatest: { malformed: 'schemaMismatch' } } });
    expect(await failureOf(client().latestJournalAnchor())).toMatchObject({
      kind: 'malformedReply',
    });
  });
});
