import { verifyJournal } from '../../../core/journal/verify-journal';
import { flag, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, usageError, type ExitCode } from '../exit-codes';
import { keyValueLines, table } from '../format';
import { JOURNAL_DIR_HELP, JOURNAL_DIR_OPTIONS, journalDir } from '../journal-dir';

export const journalVerifyCommand: DiagCommand = {
  name: 'journal verify',
  summary: 'check the hash chain and sequence of the electronic journal',
  help: `Usage: kiosk-diag journal verify [--dir PATH | --config PATH] [--anchor SEQ:HASH] [--json]

Reads every journal file in day order and checks each record: valid, its own hash, the link to
the record before and seq continuity (docs/journal.md). Prints each problem with file, line,
seq and kind: hashMismatch, chainBroken, seqGap, seqReordered, tornRecord, invalidRecord,
missingFile.

Options:
${JOURNAL_DIR_HELP}
  --anchor SEQ:HASH  a seq and hash written down earlier: also catches records cut off the end
  --json             the whole verification as one JSON object

Exit: 0 intact, 1 problems found, 2 usage / no journal folder.`,
  options: { ...JOURNAL_DIR_OPTIONS, anchor: { type: 'string' } },
  run: verify,
};

async function verify(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const anchor = parseAnchor(stringOption(values, 'anchor'));
  const dir = journalDir(values, io);
  const result = await verifyJournal(dir, anchor ? { anchor } : {});
  if (flag(values, 'json')) {
    writeJson(io, { command: 'journal verify', dir, ...result });
    return result.ok ? EXIT.ok : EXIT.problems;
  }
  writeLine(io.stdout, `Journal ${dir}`);
  const rows: Array<[string, string]> = [
    ['files', String(result.files)],
    ['records', String(result.records)],
    ['last seq', String(result.lastSeq)],
    ['head hash', result.headHash],
  ];
  if (anchor) rows.push(['anchor', `seq ${anchor.seq} ${anchor.hash}`]);
  for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
  if (result.files === 0) writeLine(io.stdout, '  note: the folder holds no journal files');
  for (const file of result.setAside)
    writeLine(io.stdout, `  note: torn record set aside by the writer in ${file}`);
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
    result.ok ? 'Result: intact' : `Result: ${count} problem${count === 1 ? '' : 's'} found`,
  );
  return result.ok ? EXIT.ok : EXIT.problems;
}

function parseAnchor(text: string | undefined): { seq: number; hash: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match) throw usageError('--anchor must be SEQ:HASH, e.g. 1204:<64 hex digits>');
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}
