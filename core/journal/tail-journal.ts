import { open, stat, type FileHandle } from 'node:fs/promises';
import { listJournalFiles, type JournalFile } from './journal-files';
import { parseJournalRecord, type JournalRecord } from './journal-record';

export interface TailOptions {
  /** Keep yielding records as they are appended, until stopped. */
  follow?: boolean;
  /** How often to look for new records when following; default 200 ms. */
  pollIntervalMs?: number;
  /** Aborting stops the tail like `stop()`. */
  signal?: AbortSignal;
}

export interface JournalTail extends AsyncIterable<JournalRecord> {
  /** Ends the iteration: a pending wait for new records resolves as done. */
  stop(): void;
}

/**
 * The last `n` records, then (with `follow`) every new one. Polls rather than fs.watch, which
 * is unreliable on network and some container file systems. Lines that are not valid
 * records are skipped; a line is only read once its newline is on disk.
 */
export function tailJournal(dir: string, n: number, options: TailOptions = {}): JournalTail {
  return new PollingTail(dir, n, options);
}

class PollingTail implements JournalTail {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dir: string,
    private readonly n: number,
    private readonly options: TailOptions,
  ) {
    if (options.signal?.aborted) this.stopped = true;
    options.signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<JournalRecord> {
    const files = await listJournalFiles(this.dir);
    const last: JournalRecord[] = [];
    let current: JournalFile | undefined = files.at(-1);
    let offset = 0;
    for (let index = files.length - 1; index >= 0 && last.length < this.n; index -= 1) {
      const file = files[index]!;
      const chunk = await readCompleteLines(file.path, 0);
      if (file === current) offset = chunk.nextOffset;
      last.unshift(...chunk.records);
    }
    for (const record of last.slice(Math.max(0, last.length - this.n))) {
      if (this.stopped) return;
      yield record;
    }
    if (current && this.n <= 0) offset = (await readCompleteLines(current.path, 0)).nextOffset;

    while (this.options.follow && !this.stopped) {
      if (current) {
        const chunk = await readCompleteLines(current.path, offset);
        offset = chunk.nextOffset;
        for (const record of chunk.records) {
          if (this.stopped) return;
          yield record;
        }
      }
      const newer = (await listJournalFiles(this.dir)).find((f) => !current || f.day > current.day);
      if (newer && (!current || (await fullyRead(current.path, offset)))) {
        current = newer;
        offset = 0;
        continue;
      }
      await this.sleep(this.options.pollIntervalMs ?? 200);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      if (this.stopped) done();
    });
  }
}

async function fullyRead(path: string, offset: number): Promise<boolean> {
  return (await stat(path)).size <= offset;
}

/** Records in the complete lines from `offset`; `nextOffset` is just after the last newline. */
async function readCompleteLines(path: string, offset: number) {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], nextOffset: 0 };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const start = Math.min(offset, size); // the writer may have cut a torn line off
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const end = buf.lastIndexOf(0x0a) + 1;
    const records: JournalRecord[] = [];
    for (const text of buf.subarray(0, end).toString('utf8').split('\n')) {
      if (!text) continue;
      try {
        const parsed = parseJournalRecord(JSON.parse(text));
        if (parsed.ok) records.push(parsed.record);
      } catch {
        // not a record (damaged line): verifyJournal reports it
      }
    }
    return { records, nextOffset: start + end };
  } finally {
    await handle.close();
  }
}
