import { escPosOverLink } from '../escpos-over-link';
import { ESC_POS_DIAGNOSTICS } from '../../printer/printer-findings';
import { PrinterOptions } from '../../printer/printer-options';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

/**
 * An ESC/POS receipt printer plugged in as a USB printer class device: the kernel's usblp
 * driver gives it a device file (`/dev/usb/lp0`) that takes the job's bytes and gives back
 * the DLE EOT status answers. The transport sees an unplug by itself (ENODEV).
 */
export const usbPrinterDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'usb-printer',
  summary:
    'ESC/POS receipt printer on USB as a printer class device (/dev/usb/lp0), status by DLE EOT',
  transports: ['device-file'],
  config: deviceEntrySchema('usb-printer', [], ['device-file'], {
    options: PrinterOptions.optional(),
  }),
  create: (transport, config, context) => escPosOverLink(transport, config.options, context),
  diagnostics: ESC_POS_DIAGNOSTICS,
  discovery: {
    hint: 'USB printer class devices show as /dev/usb/lp* (kernel usblp module, group lp)',
    deviceFiles: { folder: '/dev/usb', pattern: /^lp\d+$/, kind: 'USB printer class (usblp)' },
  },
});
