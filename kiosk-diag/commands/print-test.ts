import { KIOSK_VERSION } from '../../core/kiosk/version';
import { composeTestPage } from '../../core/receipt/compose-test-page';
import type { Completion } from '../../devices/common/device';
import type { PrintResult } from '../../devices/printer/printer-types';
import type { ReceiptPrinter } from '../../devices/printer';
import { resolvePrinterLayout, type PrinterOptions } from '../../devices/printer/printer-options';
import { flag, intOption, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { CONFIG_OPTION, loadDiagConfig } from '../config-source';
import { connectDevice, deviceOf } from '../connect-device';
import { describeTarget, TARGET_HELP, TARGET_OPTIONS, targetFromOptions } from '../device-target';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, unreachableError, usageError, type ExitCode } from '../exit-codes';
import { keyValueLines } from '../format';
import { deviceFromConfig } from '../configured-device';
import { defaultDriverFor, entryByHand, parseEntry } from '../device-selection';

export const printTestCommand: DiagCommand = {
  name: 'print-test',
  summary: 'print a test page and report the completion code',
  help: `Usage: kiosk-diag print-test [--config kiosk.json | --port PATH [--baud N] | --tcp HOST:PORT] [options]

Prints the technician test page (width ruler, bold, double size, alignment, QR, cut) with the
kiosk's ESC/POS driver and reports the completion code: success, deviceNotReady (paper out,
cover open, offline), hardwareError (cutter jam), timeOut.

Options:
  --config PATH      kiosk configuration: the printer of devices.printer, the terminal ID
                     (default: $KIOSK_CONFIG, else the defaults)
${TARGET_HELP.split('\n').slice(0, 3).join('\n')}
  --columns N        characters per line (default: the config's, else 42)
  --timeout MS       status answer timeout (default 1500)
  --json             one JSON object on stdout

Exit: 0 printed, 1 the printer answered but did not print (completion code says why),
      2 usage or configuration error, 3 the printer cannot be reached or does not answer.`,
  options: {
    ...CONFIG_OPTION,
    ...TARGET_OPTIONS,
    columns: { type: 'string' },
    timeout: { type: 'string' },
  },
  run: printTest,
};

async function printTest(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const { config, source } = loadDiagConfig(values, io);
  if (stringOption(values, 'hid') !== undefined)
    throw usageError('a receipt printer is reached by --port or --tcp, not --hid');
  const fromCommandLine = targetFromOptions(values);
  const selected = fromCommandLine
    ? (() => {
        const driver = defaultDriverFor('receiptPrinter', fromCommandLine);
        return { driver, entry: entryByHand(driver, fromCommandLine) };
      })()
    : deviceFromConfig(config, source, 'printer');
  const configuredOptions = (selected.entry.options ?? {}) as PrinterOptions;
  const columns = intOption(values, 'columns', {
    min: 24,
    max: 64,
    fallback: resolvePrinterLayout(configuredOptions).columns,
  });
  const timeoutMs = intOption(values, 'timeout', { min: 50, max: 60_000, fallback: 1500 });
  const where = describeTarget(selected.entry.transport);
  // The driver's own schema checks the columns against the rest of its options.
  const entry = parseEntry(selected.driver, {
    ...selected.entry,
    options: { ...configuredOptions, columns },
  });

  const connection = await connectDevice(
    { driver: selected.driver, entry },
    { answerTimeoutMs: timeoutMs },
  );
  try {
    const printer = deviceOf(connection, 'receiptPrinter');
    if (!printer) throw usageError('devices.printer is not a receipt printer');
    if (connection.opened.code !== 'success')
      throw unreachableError(
        `opened ${where}, but the printer did not answer DLE EOT (${connection.opened.errorDescription}). ` +
          'Check power, cable, baud rate; is it an ESC/POS printer?',
      );
    const before = printer.status();
    const page = composeTestPage({
      terminalId: config.terminalId,
      printedAt: new Date(),
      columns,
      printerDescription: connection.transport,
      softwareVersion: KIOSK_VERSION,
      timeZone: config.timeZone,
    });
    const completion = await printer.print(page);
    return report(completion, printer.status(), before, connection.transport, values, io);
  } finally {
    await connection.close();
  }
}

function report(
  completion: Completion<PrintResult>,
  after: ReturnType<ReceiptPrinter['status']>,
  before: ReturnType<ReceiptPrinter['status']>,
  transport: string,
  values: OptionValues,
  io: DiagIo,
): ExitCode {
  const ok = completion.code === 'success';
  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'print-test',
      ok,
      transport,
      completion,
      statusBefore: before,
      statusAfter: after,
    });
  } else {
    const state = (s: typeof before) => `${s.device}, paper ${s.paper}, cover ${s.cover}`;
    writeLine(io.stdout, `Test page on ${transport}`);
    const rows: Array<[string, string]> = [
      ['status before', state(before)],
      [
        'completion',
        completion.code === 'success'
          ? `success (${completion.value.bytesSent} bytes sent)`
          : `${completion.code}: ${completion.errorDescription}`,
      ],
      ['status after', state(after)],
    ];
    for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
    writeLine(io.stdout, ok ? 'Result: printed; check the page' : 'Result: not printed');
  }
  return ok ? EXIT.ok : EXIT.problems;
}
