import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from './journal-writer';
import { makeTempDir, manualClock, readLines, writeJournal } from './journal.test-helper';

let base: string;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: base, cleanup } = await makeTempDir());
  dir = join(base, 'journal');
});
afterEach(() => cleanup());

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('journal file modes: the kiosk user only', () => {
  it('creates the folder 0700 and each day file and the lock 0600, across midnight', async () => {
    const clock = manualClock('2026-11-22T16:59:00.000Z'); // 23:59 WIB
    const writer = await openJournal({ dir, terminalId: 'KSK-TEST-01', now: clock.now });
    await writer.append({ type: 'kioskStarted', data: { version: '1.0.0' } });
    expect(await modeOf(join(dir, 'journal.lock'))).toBe(0o600);
    clock.advance(2 * 60_000); // 00:01 WIB: a new day file
    await writer.append({ type: 'kioskStopped' });
    await writer.close();

    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'journal-2026-11-22.jsonl'))).toBe(0o600);
    expect(await modeOf(join(dir, 'journal-2026-11-23.jsonl'))).toBe(0o600);
  });

  it('sets a torn record aside in a 0600 file', async () => {
    await writeJournal({ dir }, [{ type: 'kioskStarted', data: { version: '1.0.0' } }]);
    const file = join(dir, (await readDay(dir))!);
    await writeFile(file, (await readLines(file)).join('\n') + '\n{"seq":2,"torn', { flag: 'w' });
    await (await openJournal({ dir, terminalId: 'KSK-TEST-01' })).close();
    expect(await modeOf(file + '.torn')).toBe(0o600);
  });

  it('tightens a folder and files that an older version left readable by everyone', async () => {
    await writeJournal({ dir }, [{ type: 'kioskStarted', data: { version: '1.0.0' } }]);
    const file = join(dir, (await readDay(dir))!);
    await chmod(dir, 0o755);
    await chmod(file, 0o644);
    await writeFile(file + '.torn', 'old torn bytes', { mode: 0o644 });
    await chmod(file + '.torn', 0o644);

    await (await openJournal({ dir, terminalId: 'KSK-TEST-01' })).close();
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(file + '.torn')).toBe(0o600);
  });
});

const readDay = async (journalDir: string) =>
  (await readdir(journalDir)).find((name) => name.endsWith('.jsonl'));
