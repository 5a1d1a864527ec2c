import type { JournalRecord } from '../../core/journal/journal-record';
import { tailJournal } from '../../core/journal/tail-journal';
import { flag, intOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, type ExitCode } from '../exit-codes';
import { JOURNAL_DIR_HELP, JOURNAL_DIR_OPTIONS, journalDir } from '../journal-dir';

export const journalTailCommand: DiagCommand = {
  name: 'journal tail',
  summary: 'the last records of the journal, optionally following new ones',
  help: `Usage: kiosk-diag journal tail [--dir PATH | --config PATH] [-n N] [--follow] [--json]

Prints the last N records (default 10), one per line: seq, time (UTC), type and data. With
--follow keeps printing new records as the kiosk appends them, until Ctrl-C. Records hold no
personal data (docs/journal.md): a KPJ appears only as its last 4 digits.

Options:
${JOURNAL_DIR_HELP}
  -n, --lines N      how many records to show first (default 10, 0 for none)
  -f, --follow       keep printing new records until Ctrl-C
  --json             each record as stored, one JSON object per line

Exit: 0, or 2 usage / no journal folder.`,
  options: {
    ...JOURNAL_DIR_OPTIONS,
    lines: { type: 'string', short: 'n' },
    follow: { type: 'boolean', short: 'f' },
  },
  run: tail,
};

async function tail(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const n = intOption(values, 'lines', { min: 0, max: 1_000_000, fallback: 10 });
  const dir = journalDir(values, io);
  const json = flag(values, 'json');
  const records = tailJournal(dir, n, { follow: flag(values, 'follow'), signal: io.signal });
  for await (const record of records) {
    if (json) writeJson(io, record);
    else writeLine(io.stdout, formatRecord(record));
  }
  return EXIT.ok;
}

export function formatRecord(record: JournalRecord): string {
  const data = Object.entries(
    ((record as { data?: unknown }).data ?? {}) as Record<string, unknown>,
  )
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${String(record.seq).padStart(6)}  ${record.ts}  ${record.type.padEnd(18)}  ${data}`.trimEnd();
}
