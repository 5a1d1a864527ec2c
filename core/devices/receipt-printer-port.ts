import type { DeviceReadiness, PrinterProblem } from '../common/api';
import type { PrintJob } from '../../devices/printer/print-job';

export type PrintOutcome = { ok: true } | { ok: false; problem: PrinterProblem };

/**
 * What the session flow needs of a receipt printer: whether it can print now and why not, and
 * printing a composed job. The device layer's driver is adapted to this in core/devices.
 */
export interface ReceiptPrinterPort {
  readiness(): Pick<DeviceReadiness, 'printer' | 'printerProblem'>;
  onReadinessChange(listener: () => void): () => void;
  /** Characters per line the printer prints: what a receipt for it is laid out to. */
  columns(): number;
  print(job: PrintJob, signal?: AbortSignal): Promise<PrintOutcome>;
}
