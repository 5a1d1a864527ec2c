import { FramedScanner } from '../../scanner/scanner';
import { SCANNER_COUNTERS, scannerFinding } from '../../scanner/scanner-findings';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

/** A barcode / QR scanner in HID POS mode (barcode scanner usage page reports). */
export const hidScannerDriver = defineDriver({
  deviceClass: 'scanner',
  name: 'hid-scanner',
  aliases: ['hid'],
  summary: 'barcode / QR scanner in HID POS mode (HID-data reports)',
  transports: ['hid'],
  config: deviceEntrySchema('hid-scanner', ['hid'], ['hid'], {}),
  create: (transport) => new FramedScanner({ transport, mode: 'hid' }),
  diagnostics: { counters: SCANNER_COUNTERS, assess: scannerFinding },
  discovery: { hint: 'HID POS scanners show as /dev/hidraw* (usage page 0x8c)' },
});
