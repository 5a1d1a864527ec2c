import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journalBatchBytes, type JournalRecordsBatch, type JournalShipped } from '../host/host-api';
import { HostError, type HostFailure } from '../host/host-client';
import { listJournalFiles } from './journal-files';
import { JournalShipper } from './journal-shipping';
import type { JournalEntryInput } from './journal-entry';
import { makeTempDir, readLines, writeJournal } from './journal.test-helper';
import { checkShippedLines, NOTHING_HELD, type HeldHead } from './shipped-chain';
import { readShippingCursor } from './shipping-cursor';

/** A host that checks the chain as the real one does (checkShippedLines) and fails as told. */
class ChainHost {
  lines: string[] = [];
  head: HeldHead = NOTHING_HELD;
  batches: string[][] = [];
  asked = 0;
  failNext: HostFailure[] = [];
  hang = false;

  async journalShipped(): Promise<JournalShipped> {
    this.asked += 1;
    this.fail();
    return this.head;
  }

  async shipJournalRecords(
    batch: JournalRecordsBatch,
    signal?: AbortSignal,
  ): Promise<JournalShipped> {
    if (this.hang)
      await new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new HostError({ kind: 'timeout' }))),
      );
    this.fail();
    this.batches.push(batch.lines);
    const check = checkShippedLines(
      this.head,
      (seq) => this.lines[seq - 1],
      batch.lines,
      'KSK-TEST-01',
    );
    if (!check.ok)
      throw new HostError(
        check.status === 409 ? { kind: 'conflict' } : { kind: 'refused', detail: 'HTTP 422' },
      );
    this.lines.push(...check.fresh);
    this.head = check.head;
    return this.head;
  }

  private fail() {
    const failure = this.failNext.shift();
    if (failure) throw new HostError(failure);
  }
}

function capturingLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
    void lines.push({ level, fields, message });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

let written = 0;
/** Records that leave no session open, so reopening the journal adds none of its own. */
const entries = (count: number): JournalEntryInput[] =>
  Array.from({ length: count }, () => ({
    type: 'journalWarning',
    data: { message: `note ${++written}` },
  }));

describe('JournalShipper', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let host: ChainHost;
  let log: ReturnType<typeof capturingLogger>;
  let head: HeldHead | null;
  const shippers: JournalShipper[] = [];

  /** Appends through the real writer; the head is what its appends resolved with. */
  const write = async (count: number) => {
    const status = await writeJournal({ dir }, entries(count));
    head = { seq: status.lastSeq, hash: status.headHash };
  };
  const localLines = async () => {
    const files = await listJournalFiles(dir);
    return (await Promise.all(files.map((file) => readLines(file.path)))).flat();
  };
  const shipper = (options: Partial<ConstructorParameters<typeof JournalShipper>[0]> = {}) => {
    const created = new JournalShipper({
      dir,
      head: () => head,
      host,
      logger: log.logger,
      batchRecords: 5,
      retryMinMs: 1000,
      retryMaxMs: 8000,
      ...options,
    });
    shippers.push(created);
    return created;
  };
  const ship = async (s: JournalShipper) => {
    s.kick();
    await s.idle();
  };

  beforeEach(async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      now: new Date('2026-11-22T03:00:00.000Z'),
    });
    ({ dir, cleanup } = await makeTempDir());
    host = new ChainHost();
    log = capturingLogger();
    head = null;
  });

  afterEach(async () => {
    for (const s of shippers.splice(0)) await s.stop();
    vi.useRealTimers();
    await cleanup();
  });

  it('ships every record verbatim, in order, in batches, and writes the cursor', async () => {
    await write(12);
    await ship(shipper());
    expect(host.batches.map((batch) => batch.length)).toEqual([5, 5, 2]);
    expect(host.lines).toEqual(await localLines());
    const cursor = await readShippingCursor(dir);
    expect(cursor).toMatchObject({
      found: true,
      cursor: {
        shipped: { seq: 12, hash: head!.hash, file: 'journal-2026-11-22.jsonl' },
        lastError: null,
        confirmedAt: '2026-11-22T03:00:00.000Z',
      },
    });
  });

  it('keeps each batch within the byte bound', async () => {
    await write(20);
    const lines = await localLines();
    const batchBytes = journalBatchBytes(lines.slice(0, 3));
    await ship(shipper({ batchRecords: 1000, batchBytes }));
    expect(host.batches.length).toBeGreaterThan(6);
    for (const batch of host.batches)
      expect(journalBatchBytes(batch)).toBeLessThanOrEqual(batchBytes);
    expect(host.lines).toEqual(lines);
  });

  it('resumes after the seq the host holds, also after a restart that lost the cursor', async () => {
    await write(7);
    await ship(shipper());
    await shippers[0]!.stop();
    await write(6); // a new writer on the same folder continues the chain: seq 8..13
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'journal-shipping.json'));
    await ship(shipper());
    expect(host.batches.map((b) => JSON.parse(b[0]!).seq)).toEqual([1, 6, 8, 13]);
    expect(host.lines).toEqual(await localLines());
  });

  it('ships only records whose append resolved, never a line still being written', async () => {
    await write(4);
    const file = (await listJournalFiles(dir))[0]!.path;
    head = { seq: 3, hash: JSON.parse((await readLines(file))[2]!).hash };
    await appendFile(file, '{"data":{},"hash":"0'); // torn, no newline
    await ship(shipper());
    expect(host.head.seq).toBe(3);
    expect(host.lines).toEqual((await localLines()).slice(0, 3));
  });

  it('backs off 1, 2, 4, 8, 8 s while the host is down, then ships everything and resets', async () => {
    await write(3);
    const s = shipper();
    host.failNext = Array(5).fill({ kind: 'unavailable', detail: 'HTTP 503' });
    await ship(s);
    expect(host.asked).toBe(1);
    for (const [wait, asked] of [
      [1000, 2],
      [2000, 3],
      [4000, 4],
      [8000, 5],
      [8000, 6],
    ] as const) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(host.asked, `not before ${wait} ms`).toBe(asked - 1);
      await vi.advanceTimersByTimeAsync(1);
      await s.idle();
      expect(host.asked).toBe(asked);
    }
    expect(host.lines).toEqual(await localLines());
    expect((await readShippingCursor(dir)).found && s.state()?.lastError).toBeNull();
    expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(5);
    expect(log.lines.at(-1)).toMatchObject({ level: 'info', message: 'journal shipped again' });

    // The next failure waits the shortest time again.
    await write(2);
    host.failNext = [{ kind: 'timeout' }];
    await ship(s);
    await vi.advanceTimersByTimeAsync(1000);
    await s.idle();
    expect(host.lines).toEqual(await localLines());
  });

  it('records the failure in the cursor for kiosk-diag, and keeps every file', async () => {
    await write(3);
    host.failNext = [{ kind: 'unavailable', detail: 'ECONNREFUSED' }];
    await ship(shipper());
    const read = await readShippingCursor(dir);
    expect(read).toMatchObject({
      found: true,
      cursor: {
        shipped: { seq: 0 },
        lastError: { kind: 'unavailable', detail: 'ECONNREFUSED', at: '2026-11-22T03:00:00.000Z' },
        nextRetryAt: '2026-11-22T03:00:01.000Z',
      },
    });
    expect(await localLines()).toHaveLength(3);
  });

  it('writes on while the host is down and loses nothing when it is back', async () => {
    await write(4);
    const s = shipper();
    await ship(s);
    host.failNext = Array(3).fill({ kind: 'unavailable', detail: 'HTTP 503' });
    await write(5);
    await ship(s);
    await write(3);
    s.kick(); // backing off: a kick does not cut the wait short
    expect(host.asked).toBe(2);
    for (const wait of [1000, 2000, 4000]) {
      await vi.advanceTimersByTimeAsync(wait);
      await s.idle();
    }
    expect(host.head.seq).toBe(12);
    expect(host.lines).toEqual(await localLines());
    expect(new Set(host.lines).size).toBe(12);
  });

  it('a batch the host refuses as not following on is retried from what the host holds', async () => {
    await write(3);
    const s = shipper();
    await ship(s);
    await write(3);
    // The host loses what it held (a restart) between its answer and the next batch.
    const original = host.journalShipped.bind(host);
    host.journalShipped = async () => {
      const answer = await original();
      host.journalShipped = original;
      host.lines = [];
      host.head = NOTHING_HELD;
      return answer;
    };
    await ship(s);
    expect(s.state()?.lastError?.kind).toBe('conflict');
    expect(log.lines.at(-1)?.level).toBe('error');
    await vi.advanceTimersByTimeAsync(1000);
    await s.idle();
    expect(host.lines).toEqual(await localLines());
    expect(host.batches.map((b) => JSON.parse(b[0]!).seq)).toEqual([1, 4, 1, 6]);
  });

  it('stops when the host holds a record this journal does not have, and sends nothing', async () => {
    await write(5);
    const other = await makeTempDir();
    const foreign = await writeJournal({ dir: other.dir }, entries(3).reverse());
    host.head = { seq: foreign.lastSeq, hash: foreign.headHash };
    await other.cleanup();
    await ship(shipper());
    expect(host.batches).toEqual([]);
    expect(shippers[0]!.state()?.lastError).toMatchObject({
      kind: 'blocked',
      detail: 'the host holds another record for seq 3 than this journal',
    });
    expect(log.lines.at(-1)?.level).toBe('error');
  });

  it('stops when the host holds more than this journal (a journal reset)', async () => {
    await write(2);
    host.head = { seq: 9, hash: 'a'.repeat(64) };
    await ship(shipper());
    expect(host.batches).toEqual([]);
    expect(shippers[0]!.state()?.lastError?.detail).toBe(
      'the host holds seq 9, this journal ends at seq 2',
    );
  });

  it('a kick while shipping ships once more afterwards; stop cancels a hung send', async () => {
    await write(3);
    const s = shipper();
    // Hold the first question until more is written and kicked meanwhile.
    let release: (() => void) | null = null;
    const original = host.journalShipped.bind(host);
    host.journalShipped = async () => {
      host.journalShipped = original;
      await new Promise<void>((resolve) => (release = resolve));
      return original();
    };
    s.kick();
    await vi.waitFor(() => expect(release).not.toBeNull());
    await write(2);
    s.kick();
    release!();
    await s.idle();
    expect(host.head.seq).toBe(5);
    expect(host.asked).toBe(2); // one run, a second round in it for the kick
    expect(host.batches.map((b) => b.length)).toEqual([3, 2]);

    await write(1);
    host.hang = true;
    s.kick();
    await vi.waitFor(() => expect(host.asked).toBe(3));
    await s.stop();
    expect(host.head.seq).toBe(5);
    expect(JSON.parse(await readFile(join(dir, 'journal-shipping.json'), 'utf8'))).toMatchObject({
      shipped: { seq: 5 },
    });
  });
});
