import { PrinterOptions, resolvePrinterLayout } from '../../printer/printer-options';
import {
  assessPrinterStatus,
  PRINTER_COUNTERS,
  printerDetail,
} from '../../printer/printer-findings';
import { EscPosPrinter } from '../../printer/receipt-printer';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

const EscPosConfig = deviceEntrySchema('escpos', [], ['serial', 'tcp'], {
  options: PrinterOptions.optional(),
});

/** An ESC/POS receipt printer on a serial line or a raw TCP socket (port 9100). */
export const escposDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'escpos',
  summary: 'ESC/POS receipt printer on a serial line or raw TCP (port 9100), status by DLE EOT',
  transports: ['serial', 'tcp'],
  config: EscPosConfig,
  create: (transport, config, context) =>
    new EscPosPrinter({
      transport,
      statusTimeoutMs: context.answerTimeoutMs,
      // Polling notices paper changes and, on a serial line, a pulled cable (the write fails).
      pollIntervalMs: context.pollIntervalMs,
      encoding: resolvePrinterLayout(config.options),
    }),
  diagnostics: {
    counters: PRINTER_COUNTERS,
    detail: (printer) => printerDetail(printer.status()),
    assess: (printer) => assessPrinterStatus(printer.status()),
  },
  discovery: {
    hint: 'USB-serial adapters show as /dev/ttyUSB*; network printers listen on TCP port 9100',
  },
});
