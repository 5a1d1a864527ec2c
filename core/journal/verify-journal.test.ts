import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { hashRecord } from './journal-record';
import { verifyJournal } from './verify-journal';
import {
  makeTempDir,
  manualClock,
  readLines,
  sessionEntries,
  writeJournal,
  writeLines,
} from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const FILE = 'journal-2026-11-22.jsonl';
const path = () => join(dir, FILE);

/** Five records, seq 1..5, lines 1..5 of one file. */
async function fiveRecords() {
  await writeJournal({ dir, now: manualClock().now }, sessionEntries('s-1'));
  return readLines(path());
}

const kinds = async () =>
  (await verifyJournal(dir)).problems.map(({ line, seq, kind }) => ({ line, seq, kind }));

describe('verifyJournal', () => {
  it('finds nothing wrong in an empty or missing directory', async () => {
    expect(await verifyJournal(join(dir, 'none'))).toMatchObject({
      ok: true,
      records: 0,
      files: 0,
    });
  });

  it('reports an edited field as a hash mismatch at that line', async () => {
    const lines = await fiveRecords();
    lines[1] = lines[1]!.replace('"kpjLast4":"2128"', '"kpjLast4":"9999"');
    await writeLines(path(), lines);
    const verification = await verifyJournal(dir);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([
      expect.objectContaining({ file: FILE, line: 2, seq: 2, kind: 'hashMismatch' }),
    ]);
  });

  it('reports an edited record whose hash was recomputed as a broken chain after it', async () => {
    const lines = await fiveRecords();
    const record = JSON.parse(lines[2]!);
    record.data.result = 'failed';
    record.hash = hashRecord(record);
    lines[2] = canonicalJson(record);
    await writeLines(path(), lines);
    expect(await kinds()).toEqual([{ line: 4, seq: 4, kind: 'chainBroken' }]);
  });

  it('reports a deleted record as a broken chain and a seq gap where it was', async () => {
    const lines = await fiveRecords();
    lines.splice(2, 1);
    await writeLines(path(), lines);
    const { problems } = await verifyJournal(dir);
    expect(problems.map(({ line, seq, kind }) => ({ line, seq, kind }))).toEqual([
      { line: 3, seq: 4, kind: 'chainBroken' },
      { line: 3, seq: 4, kind: 'seqGap' },
    ]);
    expect(problems[1]!.detail).toBe('seq 3 missing');
  });

  it('reports two swapped records as reordered, not as lost', async () => {
    const lines = await fiveRecords();
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    await writeLines(path(), lines);
    const found = await kinds();
    expect(found).toContainEqual({ line: 2, seq: 3, kind: 'seqReordered' });
    expect(found).toContainEqual({ line: 3, seq: 2, kind: 'seqReordered' });
    expect(found).toContainEqual({ line: 2, seq: 3, kind: 'chainBroken' });
    expect(found.some((p) => p.kind === 'seqGap')).toBe(false);
  });

  it('reports an inserted record', async () => {
    const lines = await fiveRecords();
    const forged = JSON.parse(lines[1]!);
    forged.data.kpjLast4 = '0001';
    forged.hash = hashRecord(forged);
    lines.splice(2, 0, canonicalJson(forged));
    await writeLines(path(), lines);
    const found = await kinds();
    expect(found).toContainEqual({ line: 3, seq: 2, kind: 'chainBroken' });
    expect(found).toContainEqual({ line: 3, seq: 2, kind: 'seqReordered' });
    expect(found).toContainEqual({ line: 4, seq: 3, kind: 'chainBroken' });
  });

  it('reports a damaged line in the middle as an invalid record, not a torn one', async () => {
    const lines = await fiveRecords();
    lines[1] = '{"seq":2,"oops"';
    await writeLines(path(), lines);
    const found = await kinds();
    expect(found[0]).toEqual({ line: 2, seq: undefined, kind: 'invalidRecord' });
    expect(found.some((p) => p.kind === 'tornRecord')).toBe(false);
  });

  it('reports personal data written into a record by hand, even with a matching hash', async () => {
    const lines = await fiveRecords();
    const record = JSON.parse(lines[1]!);
    record.data.kpj = '12345672128';
    record.hash = hashRecord(record);
    lines[1] = canonicalJson(record);
    await writeLines(path(), lines);
    const { problems } = await verifyJournal(dir);
    expect(problems[0]).toMatchObject({ line: 2, seq: 2, kind: 'invalidRecord' });
    expect(problems[0]!.detail).not.toContain('12345672128');
  });

  it('cannot see records cut off the end by itself, but an anchor can', async () => {
    const lines = await fiveRecords();
    const anchor = { seq: 5, hash: JSON.parse(lines[4]!).hash as string };
    expect((await verifyJournal(dir, { anchor })).ok).toBe(true);
    await writeLines(path(), lines.slice(0, 3));
    expect((await verifyJournal(dir)).ok).toBe(true); // a clean, shorter chain
    const { problems } = await verifyJournal(dir, { anchor });
    expect(problems).toEqual([
      expect.objectContaining({ file: FILE, line: 4, seq: 5, kind: 'seqGap' }),
    ]);
    expect(problems[0]!.detail).toMatch(/ends at seq 3 .* removed from the end/);
  });

  it('reports a record that no longer matches its anchor', async () => {
    await fiveRecords();
    const anchor = { seq: 2, hash: 'f'.repeat(64) };
    expect(await kinds()).toEqual([]);
    expect((await verifyJournal(dir, { anchor })).problems).toEqual([
      expect.objectContaining({ line: 2, seq: 2, kind: 'hashMismatch' }),
    ]);
  });

  it('reports a removed day file as a missing file', async () => {
    const clock = manualClock('2026-11-20T03:00:00.000Z');
    const { writeJournalDays } = await daysHelper(clock);
    await writeJournalDays(['2026-11-20', '2026-11-21', '2026-11-22']);
    await rm(join(dir, 'journal-2026-11-21.jsonl'));
    const { problems } = await verifyJournal(dir);
    expect(problems).toEqual([
      expect.objectContaining({ file: FILE, line: 1, seq: 5, kind: 'missingFile' }),
    ]);
    expect(problems[0]!.detail).toMatch(/seq 3\.\.4 missing between 2026-11-20 and 2026-11-22/);
  });

  it('reports a journal whose first files were removed', async () => {
    const clock = manualClock('2026-11-20T03:00:00.000Z');
    const { writeJournalDays } = await daysHelper(clock);
    await writeJournalDays(['2026-11-20', '2026-11-21']);
    await rm(join(dir, 'journal-2026-11-20.jsonl'));
    expect(await kinds()).toEqual([{ line: 1, seq: 3, kind: 'missingFile' }]);
  });
});

/** Two records a day on the given days (10:00 and 11:00 WIB). */
async function daysHelper(clock: ReturnType<typeof manualClock>) {
  const { openJournal } = await import('./journal-writer');
  return {
    async writeJournalDays(days: string[]) {
      const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
      for (const day of days) {
        clock.set(`${day}T03:00:00.000Z`);
        await writer.append({ type: 'kioskStarted', data: { version: '0.1.0' } });
        clock.set(`${day}T04:00:00.000Z`);
        await writer.append({ type: 'kioskStopped' });
      }
      await writer.close();
    },
  };
}
