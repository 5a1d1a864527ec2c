import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord } from './journal-record';
import { JournalLockedError } from './journal-lock';
import { JournalEntryRefused, openJournal } from './journal-writer';
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

describe('openJournal / append', () => {
  it('writes a hash chain one canonical line per record and verifies clean', async () => {
    const clock = manualClock();
    await writeJournal({ dir, now: clock.now }, sessionEntries('s-1'));

    const lines = await readLines(join(dir, 'journal-2026-11-22.jsonl'));
    expect(lines).toHaveLength(5);
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0].prev).toBe(GENESIS_HASH);
    for (const [i, record] of records.entries()) {
      expect(record.hash).toBe(hashRecord(record));
      if (i > 0) expect(record.prev).toBe(records[i - 1].hash);
    }
    expect(lines[1]).toBe(
      `{"data":{"kpjLast4":"2128","method":"keypad","sessionId":"s-1"},"hash":"${records[1].hash}",` +
        `"prev":"${records[0].hash}","seq":2,"terminalId":"KSK-TEST-01","ts":"2026-11-22T03:00:00.000Z","type":"identified"}`,
    );

    const verification = await verifyJournal(dir);
    expect(verification).toMatchObject({ ok: true, records: 5, files: 1, problems: [] });
    expect(verification.headHash).toBe(records[4].hash);
  });

  it('continues seq and prev when reopened', async () => {
    await writeJournal({ dir }, sessionEntries('s-1'));
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    const record = await writer.append({ type: 'kioskStopped' });
    await writer.close();
    expect(record.seq).toBe(6);
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('resolves only after the line is in the file', async () => {
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    const record = await writer.append({ type: 'kioskStarted', data: { version: '0.1.0' } });
    const [file] = await readdir(dir);
    expect(await readFile(join(dir, file!), 'utf8')).toContain(record.hash);
    await writer.close();
  });

  it('keeps the order of concurrent appends', async () => {
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writer.append({ type: 'sessionStarted', data: { sessionId: `s-${i}` } }),
      ),
    );
    await writer.close();
    expect(results.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const [file] = await readdir(dir);
    const ids = (await readLines(join(dir, file!))).map((l) => JSON.parse(l).data.sessionId);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `s-${i}`));
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('refuses personal data and writes nothing for it, without blocking later appends', async () => {
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    const refused = writer.append({
      type: 'identified',
      data: { sessionId: 's-1', method: 'keypad', kpjLast4: '12345672128' },
    });
    const good = writer.append({ type: 'sessionStarted', data: { sessionId: 's-1' } });
    await expect(refused).rejects.toBeInstanceOf(JournalEntryRefused);
    await expect(refused).rejects.not.toThrow(/12345672128/);
    expect((await good).seq).toBe(1);
    await writer.close();
    const [file] = await readdir(dir);
    expect(await readFile(join(dir, file!), 'utf8')).not.toContain('12345672128');
  });

  it('starts a new file at midnight in Jakarta, chaining to the previous day', async () => {
    const clock = manualClock('2026-11-22T16:59:59.000Z'); // 23:59:59 WIB
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    const last = await writer.append({ type: 'sessionStarted', data: { sessionId: 's-1' } });
    clock.set('2026-11-22T17:00:00.000Z'); // 00:00 WIB, 23 Nov
    const first = await writer.append({
      type: 'sessionEnded',
      data: { sessionId: 's-1', reason: 'finished' },
    });
    expect(writer.status().files).toBe(2);
    await writer.close();

    expect((await readdir(dir)).sort()).toEqual([
      'journal-2026-11-22.jsonl',
      'journal-2026-11-23.jsonl',
    ]);
    expect(first.prev).toBe(last.hash);
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, records: 2, files: 2 });

    // A reopened writer continues from the newest file.
    const again = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    expect((await again.append({ type: 'kioskStopped' })).prev).toBe(first.hash);
    await again.close();
  });

  it('honours a configured time zone for the day of a file', async () => {
    const clock = manualClock('2026-11-22T16:30:00.000Z'); // already 23 Nov in Jakarta
    await writeJournal({ dir, now: clock.now, timeZone: 'UTC' }, [{ type: 'kioskStopped' }]);
    expect(await readdir(dir)).toEqual(['journal-2026-11-22.jsonl']);
  });

  it('never goes back to an earlier file when the clock steps back', async () => {
    const clock = manualClock('2026-11-23T01:00:00.000Z');
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    await writer.append({ type: 'kioskStarted', data: { version: '0.1.0' } });
    clock.set('2026-11-22T01:00:00.000Z');
    await writer.append({ type: 'kioskStopped' });
    await writer.close();
    expect(await readdir(dir)).toEqual(['journal-2026-11-23.jsonl']);
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('warns once near the size cap and keeps writing past it, saying so in status', async () => {
    const warnings: string[] = [];
    const errors: string[] = [];
    const writer = await openJournal({
      dir,
      terminalId: 'KSK-TEST-01',
      capBytes: 20_000,
      logger: { warn: (m) => warnings.push(m), error: (m) => errors.push(m) },
    });
    let appended = 0;
    while (!writer.status().nearCap) {
      await writer.append({ type: 'sessionStarted', data: { sessionId: `s-${appended++}` } });
    }
    expect(writer.status()).toMatchObject({ nearCap: true, overCap: false, capBytes: 20_000 });
    while (!writer.status().overCap) {
      await writer.append({ type: 'sessionStarted', data: { sessionId: `s-${appended++}` } });
    }
    for (let i = 0; i < 5; i += 1)
      await writer.append({ type: 'sessionStarted', data: { sessionId: `s-${appended++}` } });
    const status = writer.status();
    await writer.close();

    expect(status.overCap).toBe(true);
    expect(status.totalBytes).toBeGreaterThan(20_000);
    const types = (await readLines(join(dir, (await readdir(dir))[0]!))).map(
      (line) => JSON.parse(line).type,
    );
    expect(types.filter((t) => t === 'sessionStarted')).toHaveLength(appended);
    const journalWarnings = types.filter((t) => t === 'journalWarning');
    expect(journalWarnings).toHaveLength(2); // one near the cap, one at it
    expect(warnings).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(status.lastSeq).toBe(appended + 2);
  });

  it('lets only one writer open a journal, and takes over a lock left by a dead process', async () => {
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    await expect(openJournal({ dir, terminalId: 'KSK-TEST-01' })).rejects.toBeInstanceOf(
      JournalLockedError,
    );
    await writer.close();
    // A crash leaves the lock behind; its pid no longer runs.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'journal.lock'), '2147483646');
    const again = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    await again.close();
    expect(await readdir(dir)).not.toContain('journal.lock');
  });

  it('refuses a terminal ID that would make every record invalid', async () => {
    await expect(openJournal({ dir, terminalId: 'KSK 01' })).rejects.toBeInstanceOf(
      JournalEntryRefused,
    );
    await expect(openJournal({ dir, terminalId: 'T12345678901' })).rejects.toBeInstanceOf(
      JournalEntryRefused,
    );
  });

  it('refuses appends after close', async () => {
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01' });
    await writer.close();
    await expect(writer.append({ type: 'kioskStopped' })).rejects.toThrow(/closed/);
  });
});
