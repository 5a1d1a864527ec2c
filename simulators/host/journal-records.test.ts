import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostError, type HostFailure } from '../../core/host/host-client';
import { HttpHostClient } from '../../core/host/http-host-client';
import { canonicalJson } from '../../core/journal/canonical-json';
import { hashRecord } from '../../core/journal/journal-record';
import { listJournalFiles } from '../../core/journal/journal-files';
import { openJournal } from '../../core/journal/journal-writer';
import { startHostSimulator, type HostSimulator } from './index';

const GENESIS = '0'.repeat(64);
let host: HostSimulator;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sim-journal-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));
afterEach(() => host?.close());

let journals = 0;
/** The lines of a real journal of `count` records, as the kiosk stores them. */
async function journalLines(count: number, terminalId = 'KSK-JKT-01'): Promise<string[]> {
  const dir = join(scratch, `j${++journals}`);
  const writer = await openJournal({ dir, terminalId });
  for (let i = 0; i < count; i++)
    await writer.append({ type: 'journalWarning', data: { message: `note ${i + 1}` } });
  await writer.close();
  const [file] = await listJournalFiles(dir);
  return (await readFile(file!.path, 'utf8')).split('\n').filter(Boolean);
}

async function start() {
  host = await startHostSimulator();
  return (terminalId = 'KSK-JKT-01') =>
    new HttpHostClient({ baseUrl: host.url, terminalId, timeoutMs: 2000 });
}

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return (error as HostError).failure;
}

const headOf = (line: string) => {
  const { seq, hash } = JSON.parse(line) as { seq: number; hash: string };
  return { seq, hash };
};

/** A line with one field changed; `rehash` also recomputes its hash, as a careful forger would. */
function edited(line: string, rehash: boolean): string {
  const record = JSON.parse(line) as Record<string, unknown>;
  record.data = { message: 'nothing happened here' };
  if (rehash) record.hash = hashRecord(record);
  return canonicalJson(record);
}

describe('host simulator: shipped journal records', () => {
  it('holds nothing at first, then every line of each terminal verbatim, in order', async () => {
    const client = await start();
    expect(await client().journalShipped()).toEqual({ seq: 0, hash: GENESIS });
    const lines = await journalLines(6);
    expect(await client().shipJournalRecords({ lines: lines.slice(0, 4) })).toEqual(
      headOf(lines[3]!),
    );
    expect(await client().shipJournalRecords({ lines: lines.slice(4) })).toEqual(headOf(lines[5]!));
    expect(await client().journalShipped()).toEqual(headOf(lines[5]!));
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual(lines);
    expect(host.journalLinesOf('KSK-SBY-02')).toEqual([]);
    expect(await client('KSK-SBY-02').journalShipped()).toEqual({ seq: 0, hash: GENESIS });
  });

  it('takes lines it already holds again (a lost reply) without storing them twice', async () => {
    const client = await start();
    const lines = await journalLines(5);
    await client().shipJournalRecords({ lines: lines.slice(0, 3) });
    expect(await client().shipJournalRecords({ lines: lines.slice(1) })).toEqual(headOf(lines[4]!));
    expect(await client().shipJournalRecords({ lines: lines.slice(0, 2) })).toEqual(
      headOf(lines[4]!),
    );
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual(lines);
  });

  it.each([
    ['an edited record (hash kept)', (l: string[]) => [l[0]!, edited(l[1]!, false), l[2]!]],
    ['an edited and re-hashed record', (l: string[]) => [l[0]!, edited(l[1]!, true), l[2]!]],
    ['a removed record', (l: string[]) => [l[0]!, l[2]!]],
    ['swapped records', (l: string[]) => [l[0]!, l[2]!, l[1]!]],
    ['a line not in canonical form', (l: string[]) => [l[0]!, ` ${l[1]!}`]],
    ['a line that is no record', (l: string[]) => [l[0]!, '{"seq":2}']],
  ])('refuses a batch with %s (422) and stores none of it', async (_name, tamper) => {
    const client = await start();
    const lines = await journalLines(3);
    expect(await failureOf(client().shipJournalRecords({ lines: tamper(lines) }))).toEqual({
      kind: 'refused',
      detail: 'HTTP 422',
    });
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual([]);
    expect(await client().journalShipped()).toEqual({ seq: 0, hash: GENESIS });
  });

  it("refuses another terminal's records (422)", async () => {
    const client = await start();
    const lines = await journalLines(2, 'KSK-SBY-02');
    expect((await failureOf(client().shipJournalRecords({ lines }))).kind).toBe('refused');
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual([]);
  });

  it('refuses a batch that does not follow on (409): a gap, another chain, other held records', async () => {
    const client = await start();
    const lines = await journalLines(5);
    const other = await journalLines(5);
    expect(await failureOf(client().shipJournalRecords({ lines: lines.slice(2) }))).toEqual({
      kind: 'conflict',
    });
    await client().shipJournalRecords({ lines: lines.slice(0, 2) });
    // Valid on its own, seq 3 next, but chained to another journal's seq 2.
    expect((await failureOf(client().shipJournalRecords({ lines: other.slice(2) }))).kind).toBe(
      'conflict',
    );
    expect((await failureOf(client().shipJournalRecords({ lines: other.slice(0, 3) }))).kind).toBe(
      'conflict',
    );
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual(lines.slice(0, 2));
  });

  it('refuses a record whose hash differs from the anchor the terminal sent for its seq', async () => {
    const client = await start();
    const lines = await journalLines(3);
    const other = await journalLines(3);
    await client().sendJournalAnchor({ ...headOf(lines[2]!), at: '2026-11-22T03:15:00.000Z' });
    expect((await failureOf(client().shipJournalRecords({ lines: other }))).kind).toBe('conflict');
    await client().shipJournalRecords({ lines });
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual(lines);
  });

  it('stores nothing while the host is down (fault 503), and everything after', async () => {
    const client = await start();
    const lines = await journalLines(3);
    host.setFaults({ status: 503 });
    expect(await failureOf(client().shipJournalRecords({ lines }))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 503',
    });
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual([]);
    host.clearFaults();
    await client().shipJournalRecords({ lines });
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual(lines);
  });

  it('answers 400 to a batch over its bounds; the kiosk does not send one', async () => {
    const client = await start();
    const tooMany = Array.from({ length: 1001 }, () => '{}');
    const response = await fetch(`${host.url}/v1/journal/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-terminal-id': 'KSK-JKT-01' },
      body: JSON.stringify({ lines: tooMany }),
    });
    expect(response.status).toBe(400);
    expect((await failureOf(client().shipJournalRecords({ lines: tooMany }))).kind).toBe(
      'unavailable',
    );
    expect(host.journalLinesOf('KSK-JKT-01')).toEqual([]);
  });

  it('forgets shipped journals on DELETE /sim/journal-records', async () => {
    const client = await start();
    await client().shipJournalRecords({ lines: await journalLines(2) });
    await fetch(`${host.url}/sim/journal-records`, { method: 'DELETE' });
    expect(await client().journalShipped()).toEqual({ seq: 0, hash: GENESIS });
  });
});
