import type { Completion, Device } from '../common/device';
import type { PrintJob } from './print-job';
import type {
  PrintResult,
  ReceiptPrinterCapabilities,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from './printer-types';

/** The receipt printer device class (XFS4IoT Printer-shaped), whatever the driver or link. */
export interface ReceiptPrinter extends Device<
  ReceiptPrinterStatus,
  ReceiptPrinterCapabilities,
  ReceiptPrinterEvent
> {
  print(job: PrintJob): Promise<Completion<PrintResult>>;
  /** Asks the printer for its status now (paper, cover, faults). */
  refreshStatus(): Promise<Completion<ReceiptPrinterStatus>>;
}

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
export { EscPosPrinter, type ReceiptPrinterOptions } from './receipt-printer';
export {
  PrinterOptions,
  resolvePrinterLayout,
  ESC_POS_PRINTER_MODELS,
  COLUMNS_BY_PAPER,
  type PrinterOptionsInput,
  type PrinterLayout,
  type PaperWidth,
} from './printer-options';
