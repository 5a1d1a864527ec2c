import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalAnchor } from '../host/host-api';
import { HostError, type HostFailure } from '../host/host-client';
import { JournalAnchoring, type JournalHead } from './journal-anchoring';
import { LazyJournalSink } from './lazy-journal-sink';
import { makeTempDir, readLines } from './journal.test-helper';
import { createLogger, silentLogger } from '../log/logger';
import { listJournalFiles } from './journal-files';

const hash = (n: number) => n.toString(16).padStart(64, '0');

/** A host whose answers the test scripts: each send resolves or fails as told. */
class ScriptedHost {
  sent: JournalAnchor[] = [];
  failWith: HostFailure | null = null;
  hang = false;
  signals: AbortSignal[] = [];

  async sendJournalAnchor(anchor: JournalAnchor, signal?: AbortSignal): Promise<void> {
    if (signal) this.signals.push(signal);
    if (this.hang) {
      await new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new HostError({ kind: 'timeout' }))),
      );
    }
    if (this.failWith) throw new HostError(this.failWith);
    this.sent.push(anchor);
  }
}

function capturingLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('JournalAnchoring (fake timers)', () => {
  let head: JournalHead | null;
  let host: ScriptedHost;
  let log: ReturnType<typeof capturingLogger>;
  let anchoring: JournalAnchoring;

  const write = (seq: number) => {
    head = { seq, hash: hash(seq) };
    anchoring.written();
  };
  const sentSeqs = () => host.sent.map((anchor) => anchor.seq);

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-22T03:00:00.000Z') });
    head = null;
    host = new ScriptedHost();
    log = capturingLogger();
    anchoring = new JournalAnchoring({
      head: () => head,
      host,
      intervalMs: 300_000,
      logger: log.logger,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the head at once after the first write, with seq, hash and the time', async () => {
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(host.sent).toEqual([{ seq: 1, hash: hash(1), at: '2026-11-22T03:00:00.000Z' }]);
    expect(anchoring.lastSent()).toEqual({ seq: 1, hash: hash(1) });
  });

  it('knows when the host last accepted a head; a failed send leaves it as it was', async () => {
    expect(anchoring.lastAnchoredAt()).toBeNull();
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(anchoring.lastAnchoredAt()?.toISOString()).toBe('2026-11-22T03:00:00.000Z');
    host.failWith = { kind: 'timeout' };
    write(2);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(sentSeqs()).toEqual([1]);
    expect(anchoring.lastAnchoredAt()?.toISOString()).toBe('2026-11-22T03:00:00.000Z');
    host.failWith = null;
    write(3);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(sentSeqs()).toEqual([1, 3]);
    expect(anchoring.lastAnchoredAt()?.toISOString()).toBe('2026-11-22T03:10:00.000Z');
  });

  it('sends at most once per interval: writes meanwhile go out as one head when it ends', async () => {
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    write(2);
    write(3);
    await vi.advanceTimersByTimeAsync(299_000);
    expect(sentSeqs()).toEqual([1]);
    write(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentSeqs()).toEqual([1, 4]);
    expect(host.sent[1]!.at).toBe('2026-11-22T03:05:00.000Z');
  });

  it('sends nothing while the head is unchanged, and nothing for an empty journal', async () => {
    anchoring.written(); // head null: journal not open or empty
    await vi.advanceTimersByTimeAsync(0);
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    anchoring.written(); // same head again
    await vi.advanceTimersByTimeAsync(3 * 300_000);
    expect(sentSeqs()).toEqual([1]);
    // After a quiet interval, the next write goes out at once again.
    write(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(sentSeqs()).toEqual([1, 2]);
  });

  it('tells afterSend after each send, accepted or failed, but not after the one at stop', async () => {
    const told: number[] = [];
    anchoring = new JournalAnchoring({
      head: () => head,
      host,
      intervalMs: 300_000,
      logger: log.logger,
      afterSend: () => told.push(host.sent.length),
    });
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual([1]);
    host.failWith = { kind: 'unavailable', detail: 'ECONNREFUSED' };
    write(2);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(told).toEqual([1, 1]);
    host.failWith = null;
    write(3);
    await anchoring.stop();
    expect(sentSeqs()).toEqual([1, 3]);
    expect(told).toEqual([1, 1]);
  });

  it('logs a failed send without personal data and retries it at the next interval', async () => {
    host.failWith = { kind: 'unavailable', detail: 'ECONNREFUSED' };
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(sentSeqs()).toEqual([]);
    expect(log.lines).toEqual([
      {
        level: 'warn',
        fields: { seq: 1, kind: 'unavailable', detail: 'ECONNREFUSED' },
        message: 'journal anchor not sent (retried in 300 s)',
      },
    ]);
    await vi.advanceTimersByTimeAsync(300_000); // still down: one more try, one more line
    expect(log.lines).toHaveLength(2);
    host.failWith = null;
    write(2);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(sentSeqs()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sentSeqs()).toEqual([2]);
    expect(log.lines.at(-1)).toMatchObject({ level: 'info', message: 'journal anchor sent again' });
  });

  it('logs a refused anchor (409) as an error that points at the verification', async () => {
    host.failWith = { kind: 'conflict' };
    write(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.lines[0]).toMatchObject({ level: 'error', fields: { seq: 3, kind: 'conflict' } });
    expect(log.lines[0]!.message).toContain('kiosk-diag journal verify --anchor host');
  });

  it('at stop: sends the last head within the short budget, once, and no more afterwards', async () => {
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    write(2); // inside the interval: would wait 300 s
    await anchoring.stop();
    expect(sentSeqs()).toEqual([1, 2]);
    write(3);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sentSeqs()).toEqual([1, 2]);
    await anchoring.stop(); // twice is fine
    expect(sentSeqs()).toEqual([1, 2]);
  });

  it('at stop: gives up on a host that does not answer after the stop budget', async () => {
    write(1);
    await vi.advanceTimersByTimeAsync(0);
    host.hang = true;
    write(2);
    const stopped = anchoring.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(log.lines.at(-1)).toMatchObject({
      level: 'warn',
      message: 'journal anchor not sent (not retried)',
    });
  });

  it('at stop: never waits longer than the stop budget on a call that ignores its abort', async () => {
    const deaf = { sendJournalAnchor: () => new Promise<void>(() => undefined) };
    const stuck = new JournalAnchoring({
      head: () => head,
      host: deaf,
      intervalMs: 300_000,
      logger: log.logger,
    });
    head = { seq: 1, hash: hash(1) };
    stuck.written(); // in flight, forever
    await vi.advanceTimersByTimeAsync(0);
    head = { seq: 2, hash: hash(2) };
    let done = false;
    void stuck.stop().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(log.lines.at(-1)).toMatchObject({
      level: 'warn',
      message: 'journal anchor not sent (not retried)',
    });
  });
});

describe('JournalAnchoring with the real journal', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('never fails or delays a journal write when the host throws, and anchors the real head', async () => {
    const sink = new LazyJournalSink({ dir, terminalId: 'KSK-TEST-01' }, silentLogger());
    const host = {
      calls: 0,
      async sendJournalAnchor(): Promise<void> {
        host.calls += 1;
        if (host.calls === 1) throw new Error('host client bug');
        if (host.calls === 2) throw new HostError({ kind: 'timeout' });
        await new Promise(() => {}); // then it hangs for ever
      },
    };
    const anchoring = new JournalAnchoring({
      head: () => sink.head(),
      host,
      intervalMs: 20,
      logger: createLogger({ level: 'silent' }),
    });
    sink.onWritten(() => anchoring.written());
    const record = (i: number) =>
      sink.record({ type: 'sessionStarted', data: { sessionId: `s-${i}` } });
    await record(0);
    // It keeps trying after the throw and the time-out, then the host hangs for ever ...
    await vi.waitFor(() => expect(host.calls).toBe(3));
    // ... and the writer never notices: these records go to disk while the send still hangs.
    for (let i = 1; i < 5; i++) await record(i);
    const [file] = await listJournalFiles(dir);
    expect(await readLines(file!.path)).toHaveLength(5);
    expect(sink.head()).toMatchObject({ seq: 5 });
    expect(host.calls).toBe(3);
    await sink.close();
  });

  it('sends the head the writer reports after records are on disk', async () => {
    const sink = new LazyJournalSink({ dir, terminalId: 'KSK-TEST-01' }, silentLogger());
    const sent: JournalAnchor[] = [];
    const anchoring = new JournalAnchoring({
      head: () => sink.head(),
      host: { sendJournalAnchor: async (anchor) => void sent.push(anchor) },
      intervalMs: 60_000,
      logger: createLogger({ level: 'silent' }),
    });
    sink.onWritten(() => anchoring.written());
    expect(sink.head()).toBeNull();
    await sink.record({ type: 'kioskStarted', data: { version: '1.0.0' } });
    await sink.record({ type: 'kioskStopped', data: {} });
    await anchoring.stop();
    const lines = await readLines((await listJournalFiles(dir))[0]!.path);
    const last = JSON.parse(lines.at(-1)!) as { seq: number; hash: string };
    expect(sent.map(({ seq, hash }) => ({ seq, hash }))).toEqual([
      { seq: 1, hash: JSON.parse(lines[0]!).hash },
      { seq: 2, hash: last.hash },
    ]);
    await sink.close();
  });
});
