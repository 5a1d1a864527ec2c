import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal, type JournalWriterOptions } from './journal-writer';
import type { JournalEntryInput } from './journal-entry';

/** A scratch journal directory per test, removed afterwards. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'journal-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand; starts at 10:00 WIB on 22-11-2026. */
export function manualClock(start = '2026-11-22T03:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export const sessionEntries = (sessionId: string): JournalEntryInput[] => [
  { type: 'sessionStarted', data: { sessionId } },
  { type: 'identified', data: { sessionId, method: 'keypad', kpjLast4: '2128' } },
  { type: 'verificationResult', data: { sessionId, result: 'success' } },
  { type: 'balanceDisplayed', data: { sessionId, shown: true } },
  { type: 'sessionEnded', data: { sessionId, reason: 'finished' } },
];

/** Writes `entries` through a real writer and closes it. */
export async function writeJournal(
  options: Partial<JournalWriterOptions> & { dir: string },
  entries: JournalEntryInput[],
) {
  const writer = await openJournal({ terminalId: 'KSK-TEST-01', ...options });
  for (const entry of entries) await writer.append(entry);
  const status = writer.status();
  await writer.close();
  return status;
}

export async function readLines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line.length > 0);
}

export async function writeLines(path: string, lines: string[]): Promise<void> {
  await writeFile(path, lines.map((line) => line + '\n').join(''));
}
