import { escPosOverLink } from '../escpos-over-link';
import { ESC_POS_DIAGNOSTICS } from '../../printer/printer-findings';
import { PrinterOptions } from '../../printer/printer-options';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

/** An ESC/POS receipt printer on a serial line or a raw TCP socket (port 9100). */
export const escposDriver = defineDriver({
  deviceClass: 'receiptPrinter',
  name: 'escpos',
  summary: 'ESC/POS receipt printer on a serial line or raw TCP (port 9100), status by DLE EOT',
  transports: ['serial', 'tcp'],
  config: deviceEntrySchema('escpos', [], ['serial', 'tcp'], {
    options: PrinterOptions.optional(),
  }),
  create: (transport, config, context) => escPosOverLink(transport, config.options, context),
  diagnostics: ESC_POS_DIAGNOSTICS,
  discovery: {
    hint: 'USB-serial adapters show as /dev/ttyUSB*; network printers listen on TCP port 9100',
  },
});
