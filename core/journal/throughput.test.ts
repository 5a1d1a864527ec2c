import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureJournalThroughput } from './throughput';
import { verifyJournal } from './verify-journal';
import { makeTempDir } from './journal.test-helper';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('measureJournalThroughput', () => {
  it('writes n verified records and returns a rate', async () => {
    const rate = await measureJournalThroughput(dir, 20);
    expect(rate).toBeGreaterThan(0);
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, records: 20 });
  });
});
