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
import {
  describeTarget,
  TARGET_HELP_LINES,
  TARGET_OPTIONS,
  targetFromOptions,
} from '../device-target';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, unreachableError, usageError, type ExitCode } from '../exit-codes';
import { keyValueLines } from '../format';
import { deviceFromConfig, type SelectedDevice } from '../configured-device';
import { defaultDriverFor, entryByHand, parseEntry, resolveDriver } from '../device-selection';
import { driversOf } from '../../devices/drivers/registry';
import type { KioskConfig } from '../../core/config/kiosk-config';

const PRINTER_DRIVERS = driversOf('receiptPrinter');

export const printTestCommand: DiagCommand = {
  name: 'print-test',
  summary: 'print a test page and report the completion code',
  help: `Usage: kiosk-diag print-test [--config kiosk.json] [--device printer | [--driver NAME] (--port PATH [--baud N] | --tcp HOST:PORT | --file PATH)] [options]

Prints the technician test page (width ruler, bold, double size, alignment, QR, cut) with the
kiosk's own printer driver and reports the completion code: success, deviceNotReady (paper out,
cover open, offline), hardwareError (cutter jam), timeOut.

Options:
  --config PATH      kiosk configuration: the printer of devices.printer, the terminal ID
                     (default: $KIOSK_CONFIG, else the defaults)
  --device printer   the printer of the config (the default without a link)
  --driver NAME      a receipt printer driver: ${PRINTER_DRIVERS.map((d) => d.name).join(', ')}
                     (default: the first that works over the link given)
${[TARGET_HELP_LINES.port, TARGET_HELP_LINES.baud, TARGET_HELP_LINES.tcp].join('\n')}
  --file PATH        USB printer class device file, e.g. /dev/usb/lp0 (usb-printer driver)
  --columns N        characters per line (default: the config's, else 42)
  --timeout MS       status answer timeout (default 1500)
  --json             one JSON object on stdout

Exit: 0 printed, 1 the printer answered but did not print (completion code says why),
      2 usage or configuration error, 3 the printer cannot be reached or does not answer.`,
  options: {
    ...CONFIG_OPTION,
    ...TARGET_OPTIONS,
    driver: { type: 'string' },
    device: { type: 'string' },
    columns: { type: 'string' },
    timeout: { type: 'string' },
  },
  run: printTest,
};

async function printTest(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const { config, source } = loadDiagConfig(values, io);
  const selected = selectPrinter(values, config, source);
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

/** The config's printer, or a printer driver over a link given by hand. */
function selectPrinter(values: OptionValues, config: KioskConfig, source: string): SelectedDevice {
  const device = stringOption(values, 'device');
  if (device !== undefined && device !== 'printer')
    throw usageError(`print-test prints on the printer: --device printer (got "${device}")`);
  if (stringOption(values, 'hid') !== undefined)
    throw usageError('a receipt printer is reached by --port, --tcp or --file, not --hid');
  const byHand = targetFromOptions(values);
  const driverName = stringOption(values, 'driver');
  if (byHand && device !== undefined)
    throw usageError('give either --device printer or a link (--port, --tcp, --file), not both');
  if (!byHand) {
    if (driverName !== undefined && device === undefined)
      throw usageError('say where the printer is: --port PATH, --tcp HOST:PORT or --file PATH');
    const configured = deviceFromConfig(config, source, 'printer');
    if (
      driverName !== undefined &&
      resolveDriver(driverName, configured.entry.transport) !== configured.driver
    )
      throw usageError(
        `devices.printer uses the ${configured.driver.name} driver, not ${driverName}`,
      );
    return configured;
  }
  const driver =
    driverName === undefined
      ? defaultDriverFor('receiptPrinter', byHand)
      : resolveDriver(driverName, byHand);
  if (driver.deviceClass !== 'receiptPrinter')
    throw usageError(
      `${driver.name} is not a receipt printer driver: ${PRINTER_DRIVERS.map((d) => d.name).join(', ')}`,
    );
  return { driver, entry: entryByHand(driver, byHand) };
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
