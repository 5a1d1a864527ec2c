import { openJournal } from './journal-writer';

/**
 * Appends `n` small records one after the other, each awaited (written and fsync'ed), as the
 * kiosk does, and returns records per second. Writes into `dir`: use a scratch directory on
 * the disk you want to measure.
 */
export async function measureJournalThroughput(dir: string, n: number): Promise<number> {
  const writer = await openJournal({ dir, terminalId: 'BENCH-01' });
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) {
      await writer.append({ type: 'sessionStarted', data: { sessionId: `bench-${i}` } });
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return n / seconds;
  } finally {
    await writer.close();
  }
}
