import { FramedScanner } from '../../scanner/scanner';
import { SCANNER_COUNTERS, scannerFinding } from '../../scanner/scanner-findings';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

/** A barcode / QR scanner sending CR/LF-terminated lines (optionally with AIM identifiers). */
export const serialScannerDriver = defineDriver({
  deviceClass: 'scanner',
  name: 'serial-scanner',
  aliases: ['serial'],
  summary: 'barcode / QR scanner in serial mode: CR/LF-terminated lines, AIM identifiers',
  transports: ['serial', 'tcp'],
  config: deviceEntrySchema('serial-scanner', ['serial'], ['serial', 'tcp'], {}),
  create: (transport) => new FramedScanner({ transport, mode: 'serial' }),
  diagnostics: { counters: SCANNER_COUNTERS, assess: scannerFinding },
  discovery: { hint: 'scanners in USB-COM mode show as /dev/ttyACM* or /dev/ttyUSB*' },
});
