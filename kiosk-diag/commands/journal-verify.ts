import { HostError } from '../../core/host/host-client';
import { diagHostClient } from '../host-client';
import { verifyJournal } from '../../core/journal/verify-journal';
import { flag, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { loadRunningKioskConfig } from '../running-kiosk-config';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, unreachableError, usageError, type ExitCode } from '../exit-codes';
import { keyValueLines, table } from '../format';
import { JOURNAL_DIR_HELP, JOURNAL_DIR_OPTIONS, journalDir } from '../journal-dir';

export const journalVerifyCommand: DiagCommand = {
  name: 'journal verify',
  summary: 'check the hash chain and sequence of the electronic journal',
  help: `Usage: kiosk-diag journal verify [--dir PATH | --config PATH] [--anchor SEQ:HASH | --anchor host] [--json]

Reads every journal file in day order and checks each record: valid, its own hash, the link to
the record before and seq continuity (docs/journal.md). Prints each problem with file, line,
seq and kind: hashMismatch, chainBroken, seqGap, seqReordered, tornRecord, invalidRecord,
missingFile.

Options:
${JOURNAL_DIR_HELP}
  --anchor SEQ:HASH  a seq and hash written down earlier: also catches records cut off the end
                     and a chain re-hashed up to that seq
  --anchor host      the same with the latest anchor the kiosk sent to the host (host.url and
                     terminalId of the config, else of the kiosk running here; journal.anchorSeconds)
  --socket PATH      the running kiosk's diagnostics socket, for --anchor host without --config
  --json             the whole verification as one JSON object

Exit: 0 intact, 1 problems found (or the host holds no anchor for a journal with records),
      2 usage / no journal folder / bad --anchor, 3 the host's anchor could not be fetched.`,
  options: { ...JOURNAL_DIR_OPTIONS, anchor: { type: 'string' }, socket: { type: 'string' } },
  run: verify,
};

type AnchorSource =
  | { source: 'argument'; seq: number; hash: string }
  | {
      source: 'host';
      url: string;
      terminalId: string;
      found: true;
      seq: number;
      hash: string;
      at: string;
    }
  | { source: 'host'; url: string; terminalId: string; found: false };

async function verify(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const text = stringOption(values, 'anchor')?.trim();
  const fromHost = text?.toLowerCase() === 'host';
  const given = fromHost ? undefined : parseAnchor(text);
  const dir = journalDir(values, io);
  const anchor: AnchorSource | undefined = fromHost
    ? await hostAnchor(values, io)
    : given && { source: 'argument', ...given };
  const checked = anchor && (anchor.source === 'argument' || anchor.found) ? anchor : undefined;
  const result = await verifyJournal(
    dir,
    checked ? { anchor: { seq: checked.seq, hash: checked.hash } } : {},
  );
  // Asked to anchor at the host, which has nothing: records cut off the end would go unseen.
  const unanchored = anchor !== undefined && !checked && result.records > 0;
  const ok = result.ok && !unanchored;
  const exit = ok ? EXIT.ok : EXIT.problems;
  if (flag(values, 'json')) {
    writeJson(io, { command: 'journal verify', dir, ...result, ok, anchor: anchor ?? null });
    return exit;
  }
  writeLine(io.stdout, `Journal ${dir}`);
  const rows: Array<[string, string]> = [
    ['files', String(result.files)],
    ['records', String(result.records)],
    ['last seq', String(result.lastSeq)],
    ['head hash', result.headHash],
  ];
  if (checked) rows.push(['anchor', `seq ${checked.seq} ${checked.hash}`]);
  if (anchor?.source === 'host') {
    const where = `host ${anchor.url} (terminal ${anchor.terminalId})`;
    rows.push([
      'anchor from',
      anchor.found ? `${where}, sent ${anchor.at}` : `${where}: no anchor stored`,
    ]);
  }
  for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
  if (result.files === 0) writeLine(io.stdout, '  note: the folder holds no journal files');
  for (const file of result.setAside)
    writeLine(io.stdout, `  note: torn record set aside by the writer in ${file}`);
  if (checked && result.lastSeq > checked.seq) {
    const after = result.lastSeq === checked.seq + 1 ? '' : `-${result.lastSeq}`;
    writeLine(
      io.stdout,
      `  note: seq ${checked.seq + 1}${after} came after the anchor: removing those would not show`,
    );
  }
  if (result.problems.length) {
    writeLine(io.stdout);
    const rowsOfProblems = result.problems.map((p) => [
      p.file,
      String(p.line),
      p.seq === undefined ? '-' : String(p.seq),
      p.kind,
      p.detail,
    ]);
    for (const line of table(['FILE', 'LINE', 'SEQ', 'KIND', 'DETAIL'], rowsOfProblems))
      writeLine(io.stdout, line);
  }
  const count = result.problems.length;
  writeLine(
    io.stdout,
    count
      ? `Result: ${count} problem${count === 1 ? '' : 's'} found`
      : unanchored
        ? 'Result: not anchored: the host holds no journal anchor for this terminal (journal.anchorSeconds 0, or the host never got one)'
        : 'Result: intact',
  );
  return exit;
}

function parseAnchor(text: string | undefined): { seq: number; hash: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(text);
  if (!match) throw usageError('--anchor must be SEQ:HASH (e.g. 1204:<64 hex digits>) or host');
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/** The host's latest anchor for the configured terminal, through the kiosk's own client. */
async function hostAnchor(values: OptionValues, io: DiagIo): Promise<AnchorSource> {
  const { config } = await loadRunningKioskConfig(values, io);
  const url = config.host.url;
  const terminalId = config.terminalId;
  const host = await diagHostClient(config, io);
  try {
    const anchor = await host.client.latestJournalAnchor(io.signal);
    return anchor
      ? { source: 'host', url, terminalId, found: true, ...anchor }
      : { source: 'host', url, terminalId, found: false };
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    const failure = error.failure;
    const detail = 'detail' in failure ? ` (${failure.detail})` : '';
    throw unreachableError(
      `cannot get the journal anchor from the host ${url}: ${failure.kind}${detail}`,
    );
  } finally {
    await host.close();
  }
}
