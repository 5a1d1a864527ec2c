export * from './print-job';
export * from './printer-types';
export {
  encodeJobToEscPos,
  printableText,
  DEFAULT_ENCODING,
  type EscPosEncodingOptions,
  type PrinterModel,
} from './escpos-job-encoder';
export * from './escpos-status';
export { interpretStatus, type StatusAnswers } from './read-status';
export { ReceiptPrinter, type ReceiptPrinterOptions } from './receipt-printer';
export {
  PrinterOptions,
  resolvePrinterLayout,
  ESC_POS_PRINTER_MODELS,
  COLUMNS_BY_PAPER,
  type PrinterOptionsInput,
  type PrinterLayout,
  type PaperWidth,
} from './printer-options';
