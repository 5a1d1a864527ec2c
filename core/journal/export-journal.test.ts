import { text } from 'node:stream/consumers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJournal, readJournalRecords } from './export-journal';
import { openJournal } from './journal-writer';
import { makeTempDir, manualClock, readLines } from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

/** One record an hour from 22-11 22:00 WIB to 23-11 01:00 WIB: two files. */
async function fourHours() {
  const clock = manualClock('2026-11-22T15:00:00.000Z');
  const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
  await writer.append({ type: 'kioskStarted', data: { version: '0.1.0' } });
  clock.advance(3_600_000);
  await writer.append({
    type: 'deviceFault',
    data: { device: 'printer', fault: 'cover open, "lid"' },
  });
  clock.advance(3_600_000);
  await writer.append({ type: 'deviceRecovered', data: { device: 'printer' } });
  clock.advance(3_600_000);
  await writer.append({ type: 'kioskStopped' });
  await writer.close();
}

describe('exportJournal', () => {
  it('streams JSON Lines exactly as stored, across files', async () => {
    await fourHours();
    const exported = await text(exportJournal(dir, { format: 'jsonl' }));
    const stored = [
      ...(await readLines(join(dir, 'journal-2026-11-22.jsonl'))),
      ...(await readLines(join(dir, 'journal-2026-11-23.jsonl'))),
    ];
    expect(exported).toBe(stored.map((line) => line + '\n').join(''));
  });

  it('filters by [from, to) on the record time', async () => {
    await fourHours();
    const exported = await text(
      exportJournal(dir, {
        format: 'jsonl',
        from: '2026-11-22T16:00:00.000Z',
        to: new Date('2026-11-22T18:00:00.000Z'),
      }),
    );
    expect(
      exported
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([2, 3]);
    const late = [];
    for await (const r of readJournalRecords(dir, { from: '2026-11-22T17:00:00.000Z' }))
      late.push(r.type);
    expect(late).toEqual(['deviceRecovered', 'kioskStopped']);
  });

  it('writes CSV with a header and quotes data that holds commas and quotes', async () => {
    await fourHours();
    const csv = await text(exportJournal(dir, { format: 'csv' }));
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('seq,ts,terminalId,type,data,prev,hash');
    expect(rows).toHaveLength(6); // header, 4 records, trailing empty
    expect(rows[1]).toMatch(
      /^1,2026-11-22T15:00:00\.000Z,KSK-TEST-01,kioskStarted,"\{""version"":""0\.1\.0""\}",0{64},[0-9a-f]{64}$/,
    );
    expect(rows[2]).toContain('"{""device"":""printer"",""fault"":""cover open, \\""lid\\""""}"');
  });

  it('leaves out lines that are not records and says which', async () => {
    await fourHours();
    const { appendFile } = await import('node:fs/promises');
    await appendFile(join(dir, 'journal-2026-11-23.jsonl'), 'not json\n');
    const skipped: string[] = [];
    const exported = await text(
      exportJournal(dir, { format: 'jsonl', onInvalidLine: (f, l) => skipped.push(`${f}:${l}`) }),
    );
    expect(exported.trim().split('\n')).toHaveLength(4);
    expect(skipped).toEqual(['journal-2026-11-23.jsonl:3']);
  });
});
