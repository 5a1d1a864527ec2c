import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger';
import { JournalUnavailableError, LazyJournalSink } from './lazy-journal-sink';
import { JournalEntryRefused } from './journal-writer';
import { readJournalRecords } from './export-journal';
import { verifyJournal } from './verify-journal';
import { makeTempDir, manualClock } from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

/** A logger that keeps what was logged at error level (messages and their fields). */
function recordingLogger() {
  const errors: string[] = [];
  const logger = createLogger({ level: 'error' });
  logger.error = ((fields: unknown, message?: string) => {
    errors.push(`${message ?? ''} ${JSON.stringify(fields)}`);
  }) as typeof logger.error;
  return { logger, errors };
}

const nextWritableChange = (sink: LazyJournalSink) =>
  new Promise<boolean>((resolve) => {
    const stop = sink.onWritableChange((writable) => {
      stop();
      resolve(writable);
    });
  });

async function allRecords(journalDir: string) {
  const records = [];
  for await (const record of readJournalRecords(journalDir)) records.push(record);
  return records;
}

describe('LazyJournalSink: a journal that cannot be written', () => {
  it('goes out of service on a full disk, refuses records at once, and comes back by itself', async () => {
    const clock = manualClock('2026-11-22T03:00:00.000Z');
    const { logger, errors } = recordingLogger();
    const sink = new LazyJournalSink(
      { dir, terminalId: 'KSK-TEST-01', now: clock.now, probeIntervalMs: 20 },
      logger,
    );
    await sink.record({ type: 'kioskStarted', data: { version: '1.0.0' } });
    await sink.record({ type: 'sessionStarted', data: { sessionId: 's-1' } });
    expect(sink.writable()).toBe(true);

    // The next day's file lands on a full disk (writes to /dev/full fail with ENOSPC).
    await symlink('/dev/full', join(dir, 'journal-2026-11-23.jsonl'));
    clock.set('2026-11-23T03:00:00.000Z');
    const wentDown = nextWritableChange(sink);
    await expect(
      sink.record({ type: 'deviceFault', data: { device: 'printer', fault: 'paper out' } }),
    ).rejects.toThrow(/ENOSPC|no space/i);
    expect(await wentDown).toBe(false);
    expect(sink.writable()).toBe(false);
    expect(sink.healthInfo()).toMatchObject({
      writable: false,
      cause: 'ENOSPC',
      unwritableSince: '2026-11-23T03:00:00.000Z',
    });
    expect(errors.join('\n')).toMatch(/out of service.*ENOSPC/);
    await expect(
      sink.record({ type: 'sessionStarted', data: { sessionId: 's-2' } }),
    ).rejects.toBeInstanceOf(JournalUnavailableError);

    // Space is freed: the probe reopens the journal and the kiosk is writable again.
    const cameBack = nextWritableChange(sink);
    await rm(join(dir, 'journal-2026-11-23.jsonl'));
    expect(await cameBack).toBe(true);
    await sink.record({ type: 'sessionStarted', data: { sessionId: 's-3' } });
    await sink.close();

    const records = await allRecords(dir);
    expect(records.map((r) => r.type)).toEqual([
      'kioskStarted',
      'sessionStarted',
      'sessionEnded', // s-1, whose end could not be written: closed when the journal reopened
      'journalWarning',
      'sessionStarted',
    ]);
    expect(records[2]!.data).toEqual({ sessionId: 's-1', reason: 'interrupted' });
    expect(records[3]!.data).toEqual({
      message:
        'journal could not be written from 2026-11-23T03:00:00.000Z (ENOSPC); the kiosk was out of service until this record',
    });
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('is out of service from the start when the journal folder cannot be made', async () => {
    const notAFolder = join(dir, 'journal');
    await writeFile(notAFolder, 'a file where the journal folder should be');
    const { logger } = recordingLogger();
    const sink = new LazyJournalSink(
      { dir: notAFolder, terminalId: 'KSK-TEST-01', probeIntervalMs: 20 },
      logger,
    );
    const wentDown = nextWritableChange(sink);
    await expect(
      sink.record({ type: 'kioskStarted', data: { version: '1.0.0' } }),
    ).rejects.toThrow();
    expect(await wentDown).toBe(false);
    expect(sink.healthInfo().cause).toMatch(/^E[A-Z]+$/);

    const cameBack = nextWritableChange(sink);
    await rm(notAFolder);
    await mkdir(notAFolder);
    expect(await cameBack).toBe(true);
    await sink.close();
    expect((await allRecords(notAFolder)).map((r) => r.type)).toEqual(['journalWarning']);
  });
});

describe('LazyJournalSink: a refused record is an alarm', () => {
  it('logs an error, counts it for kiosk status and journals its type and field only', async () => {
    const { logger, errors } = recordingLogger();
    const sink = new LazyJournalSink({ dir, terminalId: 'KSK-TEST-01' }, logger);
    const kpjLike = 'a-12345678901';
    await expect(
      sink.record({ type: 'sessionStarted', data: { sessionId: kpjLike } }),
    ).rejects.toBeInstanceOf(JournalEntryRefused);
    await expect.poll(async () => (await allRecords(dir)).length).toBe(1);
    await sink.close();

    expect(sink.writable()).toBe(true);
    expect(sink.healthInfo()).toMatchObject({
      refusedRecords: 1,
      lastRefused: { recordType: 'sessionStarted', fields: ['data.sessionId'] },
    });
    expect(errors.join('\n')).toMatch(/refused.*sessionStarted.*data\.sessionId/);
    const [record] = await allRecords(dir);
    expect(record).toMatchObject({
      type: 'recordRefused',
      data: { recordType: 'sessionStarted', fields: ['data.sessionId'] },
    });
    expect(JSON.stringify(record) + errors.join('')).not.toContain('12345678901');
  });
});
