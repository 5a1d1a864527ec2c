import type { PinPad } from '../../devices/pinpad/pinpad';
import { flag, intOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { connectDevice, deviceOf, type Connection } from '../connect-device';
import { describeEvent, type WatchedEvent } from '../describe-event';
import { SELECTION_HELP, SELECTION_OPTIONS, selectDevice } from '../device-selection';
import { describeTarget, TARGET_HELP } from '../device-target';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, unreachableError, type ExitCode } from '../exit-codes';

export const watchCommand: DiagCommand = {
  name: 'watch',
  summary: "stream a device's events live until Ctrl-C (masked)",
  help: `Usage: kiosk-diag watch (--device NAME [--config PATH] | --driver NAME (--port PATH | --tcp HOST:PORT | --hid ID | --file PATH)) [options]

Opens the device and prints its events as they happen until Ctrl-C: card inserted / removed /
read, scans, key presses, paper low / out, status changes, link lost.

Privacy: a card read shows only the masked number (4111********1111 or *******8901), never the
full PAN, track data or the cardholder name; a scan shows the masked KPJ; in PIN entry only the
digit count. A pin pad is put in plain (non-PIN) entry, where keys show their names.

Options:
${SELECTION_HELP}
${TARGET_HELP}
  --seconds N        stop by itself after N seconds (default: run until Ctrl-C)
  --timeout MS       how long the device may take to answer at open (default 1500)
  --json             one JSON object per event (JSON Lines)

Exit: 0 stopped by Ctrl-C or --seconds, 2 usage, 3 cannot open / no answer / link lost.`,
  options: {
    ...SELECTION_OPTIONS,
    seconds: { type: 'string' },
    timeout: { type: 'string' },
  },
  run: watch,
};

async function watch(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const selected = selectDevice(values, io);
  const driver = selected.driver.name;
  const seconds = intOption(values, 'seconds', { min: 0, max: 86_400, fallback: 0 });
  const timeoutMs = intOption(values, 'timeout', { min: 50, max: 60_000, fallback: 1500 });
  const json = flag(values, 'json');
  const emit = (text: string, record: Record<string, unknown>) => {
    const at = new Date().toISOString();
    if (json) writeJson(io, { at, ...record });
    else writeLine(io.stdout, `${at.slice(11, 23)}  ${text}`);
  };

  const connection = await connectDevice(selected, {
    answerTimeoutMs: timeoutMs,
    pollIntervalMs: 1000,
  });
  const stop = new AbortController();
  let linkLost = false;
  const off = connection.device.on((event) => {
    const line = describeEvent(event as WatchedEvent);
    emit(line.text, line.record);
    discardSensitiveData(connection);
    if (event.type === 'linkLost') {
      linkLost = true;
      stop.abort();
    }
  });
  try {
    const { opened } = connection;
    if (opened.code !== 'success') {
      if (selected.driver.deviceClass === 'pinPad')
        throw unreachableError(
          `the pin pad on ${describeTarget(selected.entry.transport)} did not answer: ${opened.errorDescription}`,
        );
      emit(`warning: ${opened.errorDescription}; watching anyway`, {
        type: 'warning',
        message: opened.errorDescription,
      });
    }
    emit(`watching ${driver} on ${connection.transport}; Ctrl-C to stop`, {
      type: 'watching',
      driver,
      transport: connection.transport,
    });
    const initial = describeEvent({
      type: 'statusChanged',
      status: connection.device.status(),
    } as WatchedEvent);
    emit(initial.text, initial.record);
    const ended = untilStopped([io.signal, stop.signal], seconds);
    const pad = deviceOf(connection, 'pinPad');
    if (pad) {
      if ((await plainEntryLoop(pad, ended, emit)) === 'failed') {
        linkLost = pad.status().device !== 'online';
        stop.abort();
      }
    }
    await ended;
  } finally {
    off();
    stop.abort();
    await connection.close();
  }
  if (linkLost) {
    if (!json) writeLine(io.stderr, 'The link to the device was lost: check the cable and power.');
    return EXIT.unreachable;
  }
  return EXIT.ok;
}

/** The card reader and scanner keep the last full number for the session; watch has no use for it. */
function discardSensitiveData(connection: Connection): void {
  deviceOf(connection, 'cardReader')?.takeCardData();
  deviceOf(connection, 'scanner')?.takeKpj();
}

function untilStopped(signals: AbortSignal[], seconds: number): Promise<void> {
  const all = seconds > 0 ? [...signals, AbortSignal.timeout(seconds * 1000)] : signals;
  const any = AbortSignal.any(all);
  return new Promise((resolve) => {
    if (any.aborted) resolve();
    else any.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Key events only flow during an entry, so keep one plain entry open, one after another. */
async function plainEntryLoop(
  pad: PinPad,
  ended: Promise<void>,
  emit: (text: string, record: Record<string, unknown>) => void,
): Promise<'stopped' | 'failed'> {
  let done = false;
  void ended.then(() => {
    done = true;
    pad.cancel();
  });
  while (!done) {
    const entry = pad.dataEntry({ maxLength: 64, timeoutMs: 300_000 });
    // When stopping, do not wait for the pad to confirm the cancel: close() ends the entry.
    const result = await Promise.race([entry, ended.then(() => undefined)]);
    if (result === undefined) return 'stopped';
    if (result.code === 'success')
      emit(`entry ended by ${result.value.terminatedBy} (${result.value.digits.length} digits)`, {
        type: 'entryEnded',
        terminatedBy: result.value.terminatedBy,
        digits: result.value.digits.length,
      });
    else if (result.code !== 'canceled' && result.code !== 'timeOut') {
      emit(`entry failed: ${result.code}: ${result.errorDescription}`, {
        type: 'entryFailed',
        code: result.code,
      });
      return 'failed';
    }
  }
  return 'stopped';
}
