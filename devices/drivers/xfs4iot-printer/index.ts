import {
  assessPrinterStatus,
  PRINTER_COUNTERS,
  printerDetail,
} from '../../printer/printer-findings';
import { PrinterOptions, resolvePrinterLayout } from '../../printer/printer-options';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';
import { Xfs4IoTReceiptPrinter } from './xfs4iot-receipt-printer';

/** A receipt printer on an ATM, reached as an XFS4IoT Printer service (ESC/POS as raw data). */
export const xfs4iotPrinterDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'xfs4iot-printer',
  summary:
    'receipt printer behind an XFS4IoT Printer service: ESC/POS by Printer.PrintRaw, cut by ControlMedia',
  transports: ['xfs4iot'],
  config: deviceEntrySchema('xfs4iot-printer', [], ['xfs4iot'], {
    options: PrinterOptions.optional(),
  }),
  create: (transport, config, context) =>
    new Xfs4IoTReceiptPrinter({
      transport,
      encoding: resolvePrinterLayout(config.options),
      answerTimeoutMs: context.answerTimeoutMs,
    }),
  diagnostics: {
    counters: PRINTER_COUNTERS,
    detail: (printer) =>
      `${printerDetail(printer.status())}, receipts presented ${printer.media.presented}, taken ${printer.media.taken}`,
    assess: (printer) => {
      const findings = assessPrinterStatus(printer.status());
      if (printer.printsRaw === false)
        findings.problems.push(
          'the service does not offer Printer.PrintRaw: this driver cannot print on it (forms are not supported)',
        );
      return findings;
    },
  },
  discovery: {
    hint: 'the ATM terminal’s XFS4IoT service publisher (ws://host:80/xfs4iot/v1.0 or ports 5846-5856)',
  },
});
