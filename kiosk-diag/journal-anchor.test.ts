import { mkdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import type { KioskConfigInput } from '../core/config/kiosk-config';
import { canonicalJson } from '../core/journal/canonical-json';
import { listJournalFiles } from '../core/journal/journal-files';
import { hashRecord, type JournalRecord } from '../core/journal/journal-record';
import { makeTempDir, readLines, writeLines } from '../core/journal/journal.test-helper';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startHostSimulator, type HostSimulator } from '../simulators/host';
import { runCaptured } from './capture-io.test-helper';
import { closedPort } from './free-port.test-helper';

const TERMINAL = 'KSK-E2E-01';
let dir: string;
let cleanup: () => Promise<void>;
let host: HostSimulator;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  host = await startHostSimulator();
});
afterEach(async () => {
  await host.close();
  await cleanup();
});

/** The kiosk's config, as a file for kiosk-diag and parsed for the kiosk itself. */
async function configFile(hostUrl = host.url) {
  const raw: KioskConfigInput = {
    terminalId: TERMINAL,
    host: { url: hostUrl, timeoutMs: 1000 },
    journal: { dir: `${dir}/journal`, anchorSeconds: 1 },
    technician: { diagSocket: null },
  };
  const path = `${dir}/kiosk.json`;
  await writeFile(path, JSON.stringify(raw));
  return { path, config: parseConfig(raw, path) };
}

/** Starts the real kiosk on the journal, waits until the host holds its kioskStarted, stops it. */
async function runKiosk(config: ReturnType<typeof parseConfig>) {
  const kiosk = createKiosk(config, { logger: createLogger({ level: 'silent' }) });
  await vi.waitFor(async () => {
    const files = await listJournalFiles(config.journal.dir);
    const last = JSON.parse((await readLines(files.at(-1)!.path)).at(-1)!) as JournalRecord;
    expect(last.type).toBe('kioskStarted');
    // Sent while the kiosk runs, not only at stop.
    expect(host.journalAnchorOf(TERMINAL)).toMatchObject({ seq: last.seq, hash: last.hash });
  });
  await kiosk.stop();
}

async function journalPath(): Promise<string> {
  const files = await listJournalFiles(`${dir}/journal`);
  expect(files).toHaveLength(1);
  return files[0]!.path;
}

/** Edits record `index` and re-hashes it and every record after it: a clean chain again. */
async function editAndRehash(path: string, index: number, edit: (r: JournalRecord) => void) {
  const records = (await readLines(path)).map((line) => JSON.parse(line) as JournalRecord);
  edit(records[index]!);
  for (let i = index; i < records.length; i++) {
    if (i > 0) records[i]!.prev = records[i - 1]!.hash;
    records[i]!.hash = hashRecord(records[i]!);
  }
  await writeLines(path, records.map(canonicalJson));
}

const verify = (config: string, ...extra: string[]) =>
  runCaptured(['journal', 'verify', '--config', config, ...extra]);

describe('journal anchors end to end: kiosk -> host simulator -> kiosk-diag journal verify --anchor host', () => {
  it('passes the untampered journal and says the anchor came from the host, and when', async () => {
    const { path, config } = await configFile();
    await runKiosk(config);
    await runKiosk(config);
    const lines = await readLines(await journalPath());
    expect(lines).toHaveLength(4); // kioskStarted, kioskStopped, twice
    const head = JSON.parse(lines[3]!) as JournalRecord;
    // The stop's kioskStopped was anchored at stop.
    const stored = host.journalAnchorOf(TERMINAL)!;
    expect(stored).toMatchObject({ seq: 4, hash: head.hash });

    const json = await verify(path, '--anchor', 'host', '--json');
    expect(json.code).toBe(0);
    expect(json.json()).toMatchObject({
      ok: true,
      lastSeq: 4,
      anchor: {
        source: 'host',
        url: host.url,
        terminalId: TERMINAL,
        found: true,
        seq: 4,
        hash: head.hash,
        at: stored.at,
      },
    });
    const human = await verify(path, '--anchor', 'host');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`anchor\\s+seq 4 ${head.hash}`));
    expect(human.stdout).toContain(
      `anchor from  host ${host.url} (terminal ${TERMINAL}), sent ${stored.at}`,
    );
    expect(human.stdout).toContain('Result: intact');
  });

  it('catches records cut off the end, which the chain alone does not show', async () => {
    const { path, config } = await configFile();
    await runKiosk(config);
    await runKiosk(config);
    const file = await journalPath();
    await writeLines(file, (await readLines(file)).slice(0, 2));

    expect((await verify(path)).code).toBe(0); // a clean, shorter chain
    const run = await verify(path, '--anchor', 'host');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/seqGap\s+journal ends at seq 2 but the anchor says seq 4/);
  });

  it('catches an edited record whose chain was re-hashed to the end', async () => {
    const { path, config } = await configFile();
    await runKiosk(config);
    await runKiosk(config);
    await editAndRehash(await journalPath(), 2, (record) => {
      record.ts = '2026-01-01T00:00:00.000Z';
    });

    expect((await verify(path)).code).toBe(0);
    const run = await verify(path, '--anchor', 'host', '--json');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({
      ok: false,
      problems: [{ seq: 4, kind: 'hashMismatch' }],
    });
  });

  it('keeps the anchor when a journal cut short is written on again by the kiosk (409)', async () => {
    const { path, config } = await configFile();
    await runKiosk(config);
    await runKiosk(config);
    const before = host.journalAnchorOf(TERMINAL)!;
    const file = await journalPath();
    await writeLines(file, (await readLines(file)).slice(0, 2));

    // The restarted kiosk writes seq 3 and 4 again, with other hashes; the host refuses them.
    const kiosk = createKiosk(config, { logger: createLogger({ level: 'silent' }) });
    await vi.waitFor(async () => expect(await readLines(file)).toHaveLength(3));
    await kiosk.stop();
    expect(await readLines(file)).toHaveLength(4);
    expect(host.journalAnchorOf(TERMINAL)).toEqual(before);

    expect((await verify(path)).code).toBe(0);
    const run = await verify(path, '--anchor', 'host', '--json');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ problems: [{ seq: 4, kind: 'hashMismatch' }] });
  });

  it('exits 1 (not anchored) when the host holds no anchor for a journal with records', async () => {
    const { path, config } = await configFile();
    await runKiosk(config);
    host.resetJournalAnchors();
    const run = await verify(path, '--anchor', 'host');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`host ${host.url} (terminal ${TERMINAL}): no anchor stored`);
    expect(run.stdout).toContain('Result: not anchored');
  });

  it('exits 3 when the host cannot be reached, 2 for a bad --anchor', async () => {
    const { path } = await configFile(`http://127.0.0.1:${await closedPort()}`);
    await mkdir(`${dir}/journal`);
    const run = await verify(path, '--anchor', 'host', '--json');
    expect(run.code).toBe(3);
    expect(run.json().error).toContain('cannot get the journal anchor from the host');
    expect(run.json().error).toContain('ECONNREFUSED');
    const bad = await verify(path, '--anchor', 'hots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--anchor must be SEQ:HASH');
  });

  it('sends no anchor with journal.anchorSeconds 0', async () => {
    const { config } = await configFile();
    const off = parseConfig({ ...config, journal: { ...config.journal, anchorSeconds: 0 } });
    const kiosk = createKiosk(off, { logger: createLogger({ level: 'silent' }) });
    await vi.waitFor(async () => expect(await listJournalFiles(off.journal.dir)).toHaveLength(1));
    await kiosk.stop();
    expect(await readLines(await journalPath())).toHaveLength(2);
    expect(host.journalAnchorOf(TERMINAL)).toBeNull();
  });

  it('a kiosk whose host is down still journals, and stops without waiting on the host', async () => {
    const { config } = await configFile(`http://127.0.0.1:${await closedPort()}`);
    const kiosk = createKiosk(config, { logger: createLogger({ level: 'silent' }) });
    await vi.waitFor(async () =>
      expect(await listJournalFiles(config.journal.dir)).toHaveLength(1),
    );
    const started = performance.now();
    await kiosk.stop();
    expect(performance.now() - started).toBeLessThan(2500);
    const types = (await readLines(await journalPath())).map((l) => JSON.parse(l).type);
    expect(types[0]).toBe('kioskStarted');
    expect(types.at(-1)).toBe('kioskStopped');
    // Between them at most the kiosk's going out of service: its host cannot be reached.
    expect(types.slice(1, -1).every((type: string) => type === 'outOfService')).toBe(true);
  });
});
