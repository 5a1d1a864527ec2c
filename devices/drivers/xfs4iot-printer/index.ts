import {
  assessPrinterStatus,
  PRINTER_COUNTERS,
  printerDetail,
} from '../../printer/printer-findings';
import { PrinterOptions, resolvePrinterLayout } from '../../printer/printer-options';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';
import { z } from 'zod';
import { Xfs4IoTReceiptPrinter } from './xfs4iot-receipt-printer';

const Xfs4IoTPrinterOptions = PrinterOptions.safeExtend({
  /** auto: raw ESC/POS when the service offers Printer.PrintRaw, else a form. */
  printWith: z
    .enum(['auto', 'raw', 'form'], { error: "Expected 'auto', 'raw' or 'form'" })
    .optional(),
});

/** A receipt printer on an ATM, reached as an XFS4IoT Printer service (raw ESC/POS or a form). */
export const xfs4iotPrinterDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'xfs4iot-printer',
  summary:
    'receipt printer behind an XFS4IoT Printer service: ESC/POS by Printer.PrintRaw, or a text form by Printer.PrintForm',
  transports: ['xfs4iot'],
  config: deviceEntrySchema('xfs4iot-printer', [], ['xfs4iot'], {
    options: Xfs4IoTPrinterOptions.optional(),
  }),
  create: (transport, config, context) =>
    new Xfs4IoTReceiptPrinter({
      transport,
      encoding: resolvePrinterLayout(config.options),
      answerTimeoutMs: context.answerTimeoutMs,
      printWith: config.options?.printWith,
    }),
  diagnostics: {
    counters: PRINTER_COUNTERS,
    detail: (printer) =>
      `${printerDetail(printer.status())}, printing ${printer.method.method ?? 'impossible'}, receipts presented ${printer.media.presented}, taken ${printer.media.taken}`,
    assess: (printer) => {
      const findings = assessPrinterStatus(printer.status());
      const { problem } = printer.method;
      if (problem) findings.problems.push(problem);
      return findings;
    },
  },
  discovery: {
    hint: 'the ATM terminal’s XFS4IoT service publisher (ws://host:80/xfs4iot/v1.0 or ports 5846-5856)',
  },
});
