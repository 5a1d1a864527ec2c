import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalRecord } from './journal-record';
import { openJournal } from './journal-writer';
import { tailJournal } from './tail-journal';
import { makeTempDir, manualClock, sessionEntries, writeJournal } from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

async function collect(iterable: AsyncIterable<JournalRecord>): Promise<number[]> {
  const seqs: number[] = [];
  for await (const record of iterable) seqs.push(record.seq);
  return seqs;
}

describe('tailJournal', () => {
  it('gives the last n records, reaching into the previous day when needed', async () => {
    const clock = manualClock('2026-11-22T16:59:00.000Z');
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    for (const entry of sessionEntries('s-1')) await writer.append(entry);
    clock.set('2026-11-22T17:01:00.000Z');
    for (const entry of sessionEntries('s-2').slice(0, 2)) await writer.append(entry);
    await writer.close();

    expect(await collect(tailJournal(dir, 4))).toEqual([4, 5, 6, 7]);
    expect(await collect(tailJournal(dir, 100))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await collect(tailJournal(dir, 0))).toEqual([]);
  });

  it('follows new records, across a new day, until stopped', async () => {
    const clock = manualClock('2026-11-22T16:59:00.000Z');
    await writeJournal({ dir, now: clock.now }, sessionEntries('s-1'));
    const tail = tailJournal(dir, 2, { follow: true, pollIntervalMs: 10 });
    const seen: number[] = [];
    let sawSeven!: () => void;
    const seven = new Promise<void>((resolve) => (sawSeven = resolve));
    const done = (async () => {
      for await (const record of tail) {
        seen.push(record.seq);
        if (record.seq === 7) sawSeven();
      }
    })();

    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    await writer.append({ type: 'kioskStopped' });
    clock.set('2026-11-22T17:01:00.000Z');
    await writer.append({ type: 'kioskStarted', data: { version: '0.1.0' } });
    await writer.close();

    await seven;
    tail.stop();
    await done; // the loop ends: stop() released the pending wait
    expect(seen).toEqual([4, 5, 6, 7]);
  });

  it('stops following when its signal is aborted, even with nothing to read', async () => {
    const controller = new AbortController();
    const tail = tailJournal(dir, 10, {
      follow: true,
      pollIntervalMs: 60_000,
      signal: controller.signal,
    });
    const done = collect(tail);
    setTimeout(() => controller.abort(), 20);
    expect(await done).toEqual([]);
  });
});
