import { z } from 'zod';
import type { PrinterModel } from '../../printer/escpos-job-encoder';
import {
  assessPrinterStatus,
  PRINTER_COUNTERS,
  printerDetail,
} from '../../printer/printer-findings';
import { EscPosPrinter } from '../../printer/receipt-printer';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

export const PrinterOptions = z
  .object({
    columns: z.number().int().min(24).max(64).optional(),
    printerModel: z.string().min(1).optional(),
  })
  .strict();

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
      encoding: {
        ...(config.options?.columns ? { columns: config.options.columns } : {}),
        ...(config.options?.printerModel
          ? { printerModel: config.options.printerModel as PrinterModel }
          : {}),
      },
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
