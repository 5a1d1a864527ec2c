import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringOption, type OptionValues } from './args';
import { loadDiagConfig } from './config-source';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

export const JOURNAL_DIR_OPTIONS = {
  dir: { type: 'string' },
  config: { type: 'string' },
} as const;

export const JOURNAL_DIR_HELP = `  --dir PATH         the journal folder (default: journal.dir of the config)
  --config PATH      kiosk configuration (default: $KIOSK_CONFIG, else the defaults)`;

/** `--dir`, else the config's journal.dir (relative to the working directory, as the kiosk reads it). */
export function journalDir(values: OptionValues, io: DiagIo): string {
  const dir = stringOption(values, 'dir') ?? loadDiagConfig(values, io).config.journal.dir;
  const absolute = resolve(dir);
  let isDir: boolean;
  try {
    isDir = statSync(absolute).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw usageError(`no journal folder at ${absolute} (give --dir or --config)`);
  return absolute;
}
