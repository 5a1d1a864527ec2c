import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportJournal } from '../../core/journal/export-journal';
import { choiceOption, flag, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, usageError, type ExitCode } from '../exit-codes';
import { JOURNAL_DIR_HELP, JOURNAL_DIR_OPTIONS, journalDir } from '../journal-dir';

export const journalExportCommand: DiagCommand = {
  name: 'journal export',
  summary: 'export journal records as JSON Lines or CSV',
  help: `Usage: kiosk-diag journal export [--dir PATH | --config PATH] [--format jsonl|csv] [--out FILE] [--from T] [--to T]

Writes the records to stdout (or --out FILE): jsonl keeps each line exactly as stored, so the
hashes can be rechecked elsewhere; csv has the columns seq,ts,terminalId,type,data,prev,hash
with data as canonical JSON. Export does not verify: run \`kiosk-diag journal verify\`.

Options:
${JOURNAL_DIR_HELP}
  --format F         jsonl (default) or csv
  --out FILE         write to this file instead of stdout; prints a summary
  --from T, --to T   records at or after --from and before --to; ISO 8601 instants such as
                     2026-11-22T00:00+07:00 (a bare date is midnight UTC)
  --json             with --out: the summary as JSON

Exit: 0 exported, 1 exported but some lines were not valid records (left out; see stderr),
      2 usage / no journal folder.`,
  options: {
    ...JOURNAL_DIR_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  run: exportRecords,
};

async function exportRecords(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const format = choiceOption(values, 'format', ['jsonl', 'csv'] as const) ?? 'jsonl';
  const from = instant(values, 'from');
  const to = instant(values, 'to');
  if (from && to && from >= to) throw usageError('--from must be before --to');
  const out = stringOption(values, 'out');
  const dir = journalDir(values, io);

  const skipped: string[] = [];
  const stream = exportJournal(dir, {
    format,
    from,
    to,
    onInvalidLine: (file, line) => skipped.push(`${file}:${line}`),
  });
  const target = out ? createWriteStream(resolve(out)) : io.stdout;
  let lines = 0;
  try {
    for await (const chunk of stream) {
      const text = String(chunk);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
      if (!target.write(text)) await once(target, 'drain');
    }
  } catch (error) {
    if (out) {
      target.end();
      await rm(resolve(out), { force: true });
    }
    throw error;
  }
  if (out) {
    target.end();
    await once(target, 'finish');
  }
  const records = lines - (format === 'csv' ? 1 : 0);

  for (const place of skipped)
    writeLine(io.stderr, `warning: ${place} is not a valid record; left out of the export`);
  if (out) {
    const summary = { command: 'journal export', dir, out: resolve(out), format, records, skipped };
    if (flag(values, 'json')) writeJson(io, summary);
    else writeLine(io.stdout, `Exported ${records} records (${format}) to ${summary.out}`);
  }
  return skipped.length ? EXIT.problems : EXIT.ok;
}

function instant(values: OptionValues, name: string): Date | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw usageError(`--${name} must be an ISO 8601 date or instant (got "${text}")`);
  return date;
}
