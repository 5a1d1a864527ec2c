import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournalRecords } from './export-journal';
import { openJournal } from './journal-writer';
import { verifyJournal } from './verify-journal';
import { makeTempDir, manualClock, sessionEntries, writeJournal } from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

async function records() {
  const all = [];
  for await (const record of readJournalRecords(dir)) all.push(record);
  return all;
}

/** The kiosk stops mid-session: the records so far are on disk, no end follows. */
const crashMidSession = (sessionId: string, now?: () => Date) =>
  writeJournal({ dir, now }, sessionEntries(sessionId).slice(0, 4));

const reopen = async (now?: () => Date) =>
  (await openJournal({ dir, terminalId: 'KSK-TEST-01', now })).close();

describe('a session cut off by a crash', () => {
  it('is journaled as interrupted when the journal opens again, once', async () => {
    await writeJournal({ dir }, sessionEntries('s-1'));
    await crashMidSession('s-2');
    await reopen();
    await reopen();

    const all = await records();
    expect(all.at(-1)).toMatchObject({
      type: 'sessionEnded',
      data: { sessionId: 's-2', reason: 'interrupted' },
    });
    expect(all.filter((r) => r.type === 'sessionEnded')).toHaveLength(2);
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('finds a session started before midnight when the kiosk comes back the next day', async () => {
    const clock = manualClock('2026-11-22T16:58:00.000Z'); // 23:58 WIB
    await crashMidSession('s-late', clock.now);
    clock.set('2026-11-23T01:00:00.000Z');
    await writeJournal({ dir, now: clock.now }, [{ type: 'kioskStarted', data: { version: '1' } }]);

    const all = await records();
    expect(all.map((r) => r.type).slice(-2)).toEqual(['sessionEnded', 'kioskStarted']);
    expect(all.at(-2)).toMatchObject({ data: { sessionId: 's-late', reason: 'interrupted' } });
  });

  it('adds nothing when every session ended', async () => {
    await writeJournal({ dir }, sessionEntries('s-1'));
    await reopen();
    expect(await records()).toHaveLength(5);
  });
});
