import { PrinterOptions, resolvePrinterLayout } from '../../printer/printer-options';
import {
  assessPrinterStatus,
  PRINTER_COUNTERS,
  printerDetail,
} from '../../printer/printer-findings';
import { EscPosPrinter } from '../../printer/receipt-printer';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

const UsbPrinterConfig = deviceEntrySchema('usb-printer', [], ['device-file'], {
  options: PrinterOptions.optional(),
});

/**
 * An ESC/POS receipt printer plugged in as a USB printer class device: the kernel's usblp
 * driver gives it a device file (`/dev/usb/lp0`) that takes the job's bytes and gives back
 * the DLE EOT status answers.
 */
export const usbPrinterDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'usb-printer',
  summary:
    'ESC/POS receipt printer on USB as a printer class device (/dev/usb/lp0), status by DLE EOT',
  transports: ['device-file'],
  config: UsbPrinterConfig,
  create: (transport, config, context) =>
    new EscPosPrinter({
      transport,
      statusTimeoutMs: context.answerTimeoutMs,
      // The transport sees an unplug by itself (ENODEV); polling keeps the paper state fresh.
      pollIntervalMs: context.pollIntervalMs,
      encoding: resolvePrinterLayout(config.options),
    }),
  diagnostics: {
    counters: PRINTER_COUNTERS,
    detail: (printer) => printerDetail(printer.status()),
    assess: (printer) => assessPrinterStatus(printer.status()),
  },
  discovery: {
    hint: 'USB printer class devices show as /dev/usb/lp* (kernel usblp module, group lp)',
  },
});
