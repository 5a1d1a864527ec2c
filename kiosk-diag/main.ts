import { flag, parseOptions } from './args';
import type { DiagCommand } from './command';
import { createDevicesCommand } from './commands/devices';
import { hostCommand } from './commands/host';
import { kioskRunCommand } from './commands/kiosk-run';
import { kioskStatusCommand } from './commands/kiosk-status';
import { journalExportCommand } from './commands/journal-export';
import { journalStatusCommand } from './commands/journal-status';
import { journalTailCommand } from './commands/journal-tail';
import { journalVerifyCommand } from './commands/journal-verify';
import { printTestCommand } from './commands/print-test';
import { probeCommand } from './commands/probe';
import { watchCommand } from './commands/watch';
import { writeJson, writeLine, type DiagIo } from './diag-io';
import { DiagError, EXIT, usageError, type ExitCode } from './exit-codes';
import { table } from './format';

export const DEFAULT_COMMANDS: DiagCommand[] = [
  createDevicesCommand(),
  probeCommand,
  printTestCommand,
  watchCommand,
  hostCommand,
  kioskStatusCommand,
  kioskRunCommand,
  journalVerifyCommand,
  journalExportCommand,
  journalTailCommand,
  journalStatusCommand,
];

function overview(commands: DiagCommand[]): string {
  return [
    'Usage: kiosk-diag COMMAND [options]     (kiosk-diag COMMAND --help for details)',
    '',
    'Field diagnostics for the BPJS Ketenagakerjaan kiosk: devices, host and journal.',
    '',
    ...table(
      ['COMMAND', 'WHAT IT DOES'],
      commands.map((c) => [c.name, c.summary]),
    ),
    '',
    'Every command takes --json (machine-readable output on stdout) and --help.',
    'Configuration: --config PATH, else $KIOSK_CONFIG, else the built-in defaults.',
    '',
    'Exit codes: 0 ok, 1 check failed / problems found, 2 usage or configuration error,',
    '            3 device or host unreachable.',
  ].join('\n');
}

/** Picks the command (two words for `journal ...`) and returns it with the remaining arguments. */
function findCommand(argv: string[], commands: DiagCommand[]): [DiagCommand, string[]] {
  const [first, second, ...rest] = argv;
  const twoWords = commands.find((c) => c.name === `${first} ${second}`);
  if (twoWords) return [twoWords, rest];
  const oneWord = commands.find((c) => c.name === first);
  if (oneWord) return [oneWord, argv.slice(1)];
  if (commands.some((c) => c.name.startsWith(`${first} `))) {
    const subs = commands
      .filter((c) => c.name.startsWith(`${first} `))
      .map((c) => c.name.split(' ')[1]);
    throw usageError(`${first} needs one of: ${subs.join(', ')} (got ${second ?? 'nothing'})`);
  }
  throw usageError(`unknown command "${first}": run kiosk-diag --help`);
}

/** Runs one kiosk-diag command line; never throws, returns the exit code. */
export async function runDiag(
  argv: string[],
  io: DiagIo,
  commands: DiagCommand[] = DEFAULT_COMMANDS,
): Promise<ExitCode> {
  const json = argv.includes('--json');
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    writeLine(first === undefined ? io.stderr : io.stdout, overview(commands));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    const [command, args] = findCommand(argv, commands);
    const values = parseOptions(args, command.options);
    if (flag(values, 'help')) {
      writeLine(io.stdout, command.help);
      return EXIT.ok;
    }
    return await command.run(values, io);
  } catch (error) {
    const failure =
      error instanceof DiagError
        ? error
        : new DiagError(
            `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
            EXIT.problems,
          );
    if (json) writeJson(io, { ok: false, error: failure.message, exitCode: failure.exitCode });
    else writeLine(io.stderr, `kiosk-diag: ${failure.message}`);
    return failure.exitCode;
  }
}
