import type { OptionSpec, OptionValues } from './args';
import type { DiagIo } from './diag-io';
import type { ExitCode } from './exit-codes';

export interface DiagCommand {
  /** `devices`, `journal verify`, ... */
  name: string;
  summary: string;
  /** The full `--help` text. */
  help: string;
  options: Record<string, OptionSpec>;
  run(values: OptionValues, io: DiagIo): Promise<ExitCode>;
}
