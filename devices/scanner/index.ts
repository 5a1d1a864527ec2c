import type { Completion, Device } from '../common/device';
import type {
  ScannerCapabilities,
  ScannerEvent,
  ScannerStatus,
  ScanSummary,
} from './scanner-types';

/** The barcode / QR scanner device class: scans that carry a KPJ, whatever the driver or link. */
export interface Scanner extends Device<ScannerStatus, ScannerCapabilities, ScannerEvent> {
  /** Waits for the next KPJ scan (or the one already scanned and not yet taken). */
  readKpj(timeoutMs?: number): Promise<Completion<ScanSummary>>;
  /** The last scan's full KPJ, once; later calls return undefined. */
  takeKpj(): string | undefined;
}

export { FramedScanner, type ScannerOptions } from './scanner';
export * from './scanner-types';
export {
  parseScannerPayload,
  JMO_HOST,
  JMO_CARD_PATH,
  type PayloadParse,
  type PayloadSource,
} from './scanner-payload';
export { stripAimIdentifier, symbologyOf, type Symbology } from './symbology';
export { ScannerLineDecoder, decodeScanLine, MAX_LINE } from './serial-lines';
export {
  HidScanReportDecoder,
  encodeScanReports,
  SCAN_REPORT_ID,
  SCAN_REPORT_SIZE,
} from './hid-pos-report';
export type { ScanMessage, ScannerCodec } from './scan-messages';
export {
  KeyboardReportDecoder,
  HID_KEY_USAGES,
  KEYBOARD_REPORT_SIZE,
  type KeyboardReportDecoderOptions,
} from './keyboard-report-decoder';
export { EvdevKeyDecoder, EVDEV_KEY_CODES, INPUT_EVENT_SIZE } from './evdev-decoder';
export { keystrokeFor, typedCharacter, type WedgeKey } from './us-keyboard';
