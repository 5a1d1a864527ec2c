import { SocketAction } from '../../core/technician/diag-socket-protocol';
import { choiceOption, flag, intOption, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { DiagError, EXIT, usageError, type ExitCode } from '../exit-codes';
import { askKiosk, socketPath, SOCKET_OPTIONS } from '../kiosk-socket';

const ACTIONS = SocketAction.options;
const NEEDS_DEVICE = new Set(['resetDevice']);

export const kioskRunCommand: DiagCommand = {
  name: 'kiosk run',
  summary:
    'run a device test in the running kiosk (test page, card read, keypad, scan, reset, host)',
  help: `Usage: kiosk-diag kiosk run --test NAME [--device NAME] [--config kiosk.json | --socket PATH] [--json]

Runs one of the technician screen's tests inside the running kiosk, on the ports it holds, and
prints the result. (The keypad test is on the technician screen only: at the start screen the
pin pad's keys belong to the participant flow; with the kiosk stopped, use watch --device pinPad.) Tests run only while nobody is being served (the start screen shows).
Journaled as a technician action from the CLI.

Tests (--test):
  printTestPage   print the technician test page
  readCardTest    wait up to 20 s for a card swipe; shows the masked number and tracks read
  scanTest        wait up to 20 s for a scan; shows the masked KPJ
  resetDevice     close and reopen a device (needs --device printer|cardReader|pinPad|scanner)
  testHost        host connectivity and latency

Options:
  --config PATH   kiosk configuration (default: $KIOSK_CONFIG); its technician.diagSocket
  --socket PATH   the socket itself (default .kiosk-data/diag/kiosk-diag.sock)
  --timeout MS    how long to wait for the result (default 30000)

Exit: 0 the test passed, 1 it failed or the kiosk is busy with a participant,
      2 usage or configuration error, 3 no kiosk answers.`,
  options: { ...SOCKET_OPTIONS, test: { type: 'string' }, device: { type: 'string' } },
  run: kioskRun,
};

async function kioskRun(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const action = choiceOption(values, 'test', ACTIONS);
  if (!action) throw usageError(`--test is required: one of ${ACTIONS.join(', ')}`);
  const device = stringOption(values, 'device');
  if (NEEDS_DEVICE.has(action) && !device) throw usageError(`--test ${action} needs --device`);
  const path = socketPath(values, io);
  const timeoutMs = intOption(values, 'timeout', { min: 100, max: 120_000, fallback: 30_000 });
  const answer = await askKiosk(
    path,
    { cmd: 'run', action, ...(device ? { device } : {}) },
    { timeoutMs, signal: io.signal },
  );
  if (!answer.ok) throw new DiagError(`the kiosk refused: ${answer.error}`, EXIT.problems);
  if (!('result' in answer)) throw new DiagError('the kiosk sent no result', EXIT.problems);
  const { ok, detail } = answer.result;
  if (flag(values, 'json'))
    writeJson(io, { command: 'kiosk run', ok, test: action, device, detail });
  else
    writeLine(
      io.stdout,
      `${ok ? 'PASS' : 'FAIL'} ${action}${device ? ` ${device}` : ''}: ${detail}`,
    );
  return ok ? EXIT.ok : EXIT.problems;
}
