import { appendFile, readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalCorruptError } from './journal-tail-repair';
import { openJournal } from './journal-writer';
import { verifyJournal } from './verify-journal';
import {
  makeTempDir,
  manualClock,
  readLines,
  sessionEntries,
  writeJournal,
} from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const FILE = 'journal-2026-11-22.jsonl';

describe('a record torn by a power cut', () => {
  it('is reported by verification, and a reopening writer sets it aside and continues', async () => {
    const clock = manualClock();
    await writeJournal({ dir, now: clock.now }, sessionEntries('s-1'));
    const path = join(dir, FILE);
    const whole = await readFile(path, 'utf8');
    // Power lost half way through the 5th record: its newline never reached the disk.
    const cutAt = whole.length - 40;
    await truncate(path, cutAt);
    const tornText = whole.slice(whole.lastIndexOf('\n', whole.length - 2) + 1, cutAt);

    const before = await verifyJournal(dir);
    expect(before.ok).toBe(false);
    expect(before.records).toBe(4);
    expect(before.problems).toEqual([
      expect.objectContaining({ file: FILE, line: 5, kind: 'tornRecord' }),
    ]);

    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    expect(writer.status().tornOnOpen).toEqual([
      expect.objectContaining({ file: FILE, movedTo: `${FILE}.torn`, seqInTornBytes: 5 }),
    ]);
    const next = await writer.append({ type: 'kioskStopped' });
    await writer.close();

    expect(await readFile(join(dir, `${FILE}.torn`), 'utf8')).toBe(tornText);
    const records = (await readLines(path)).map((line) => JSON.parse(line));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(records[4]).toMatchObject({ type: 'journalWarning', prev: records[3].hash });
    expect(records[4].data.message).toMatch(/torn record .* seq position 5/);
    // The torn record was the session's end: the session is closed as interrupted.
    expect(records[5]).toMatchObject({ type: 'sessionEnded', data: { reason: 'interrupted' } });
    expect(next.seq).toBe(7);

    const after = await verifyJournal(dir);
    expect(after).toMatchObject({ ok: true, records: 7, setAside: [`${FILE}.torn`] });
  });

  it('treats a last line that is complete but not valid JSON as torn too', async () => {
    await writeJournal({ dir, now: manualClock().now }, sessionEntries('s-1'));
    await appendFile(join(dir, FILE), '\0\0\0\0\n');
    expect((await verifyJournal(dir)).problems).toEqual([
      expect.objectContaining({ line: 6, kind: 'tornRecord' }),
    ]);
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: manualClock().now });
    expect(writer.status().lastSeq).toBe(6); // 5 records + the warning
    await writer.close();
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('goes back to the previous file when the new day held only the torn record', async () => {
    const clock = manualClock('2026-11-22T16:59:00.000Z');
    await writeJournal({ dir, now: clock.now }, sessionEntries('s-1'));
    await appendFile(join(dir, 'journal-2026-11-23.jsonl'), '{"data":{"sessi');
    clock.set('2026-11-22T17:05:00.000Z');
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    await writer.close();
    const verification = await verifyJournal(dir);
    expect(verification).toMatchObject({ ok: true, records: 6, files: 2 });
  });

  it('treats a complete record whose newline never reached the disk as torn', async () => {
    await writeJournal({ dir, now: manualClock().now }, sessionEntries('s-1'));
    const path = join(dir, FILE);
    await truncate(path, (await readFile(path)).length - 1);
    expect((await verifyJournal(dir)).problems).toEqual([
      expect.objectContaining({ line: 5, kind: 'tornRecord' }),
    ]);
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: manualClock().now });
    // seq 1-4, the warning that took seq 5, and the torn end rewritten as interrupted
    expect(writer.status().lastSeq).toBe(6);
    await writer.close();
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('refuses to guess when more than the last line is damaged', async () => {
    await writeJournal({ dir, now: manualClock().now }, sessionEntries('s-1'));
    await appendFile(join(dir, FILE), 'garbage\n{"half');
    await expect(openJournal({ dir, terminalId: 'KSK-TEST-01' })).rejects.toBeInstanceOf(
      JournalCorruptError,
    );
    expect(await readdir(dir)).toEqual([FILE]);
  });
});
