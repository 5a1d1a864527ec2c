import type { DeviceStatusBase } from '../common/device';
import type { PrinterModel } from './escpos-job-encoder';

export type PaperState = 'full' | 'low' | 'out' | 'unknown';
export type CoverState = 'closed' | 'open' | 'unknown';

export interface ReceiptPrinterStatus extends DeviceStatusBase {
  paper: PaperState;
  cover: CoverState;
  /** Set when the printer reports a cutter or unrecoverable error. */
  fault?: 'cutter' | 'unrecoverable' | 'autoRecoverable';
}

export interface ReceiptPrinterCapabilities {
  /** `xfs-form`: an XFS4IoT service prints the receipt as a text form (Printer.PrintForm). */
  commandLanguage: 'esc-pos' | 'xfs-form';
  printerModel: PrinterModel;
  columns: number;
  /** A form prints a QR code's text, not the code. */
  qrCode: boolean;
  cutter: true;
  /** DLE EOT real-time status. */
  statusQuery: true;
  paperNearEndSensor: true;
  /** No presenter sensor in plain ESC/POS, so no mediaTaken event. */
  mediaTakenSensor: false;
  transport: string;
}

export interface PaperLowEvent {
  type: 'paperLow';
}
export interface PaperOutEvent {
  type: 'paperOut';
}
export interface LinkLostEvent {
  type: 'linkLost';
  reason: string;
}
export type ReceiptPrinterEvent = PaperLowEvent | PaperOutEvent | LinkLostEvent;

export interface PrintResult {
  bytesSent: number;
}
