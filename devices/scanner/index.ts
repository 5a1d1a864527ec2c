export { Scanner, type ScannerOptions } from './scanner';
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
