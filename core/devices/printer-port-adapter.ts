import type { DeviceReadiness, PrinterProblem } from '../common/api';
import type { PrintJob } from '../../devices/printer/print-job';
import type { ReceiptPrinter } from '../../devices/printer';
import type { ReceiptPrinterStatus } from '../../devices/printer/printer-types';
import type { PrintOutcome, ReceiptPrinterPort } from './receipt-printer-port';

/** A receipt printer as the kiosk prints on it (the device manager's counting printer). */
export type PrintingPrinter = Pick<
  ReceiptPrinter,
  'status' | 'capabilities' | 'on' | 'print' | 'cancel'
>;

/** Why a printer in this status cannot print, or null when it can. */
export function printerProblem(status: ReceiptPrinterStatus): PrinterProblem | null {
  if (status.device === 'hardwareError' || status.fault) return 'hardwareError';
  if (status.paper === 'out') return 'paperOut';
  if (status.cover === 'open') return 'coverOpen';
  if (status.device === 'busy') return 'busy';
  if (status.device !== 'online') return 'offline';
  return null;
}

export function printerReadiness(
  status: ReceiptPrinterStatus,
): Pick<DeviceReadiness, 'printer' | 'printerProblem'> {
  const problem = printerProblem(status);
  if (problem) return { printer: 'unavailable', printerProblem: problem };
  return { printer: status.paper === 'low' ? 'paperLow' : 'ready' };
}

/** Any receipt printer as the session flow's ReceiptPrinterPort. */
export class PrinterPortAdapter implements ReceiptPrinterPort {
  constructor(private readonly printer: PrintingPrinter) {}

  /** The printer's line width, from its config: the receipt is laid out to it. */
  columns(): number {
    return this.printer.capabilities().columns;
  }

  readiness(): Pick<DeviceReadiness, 'printer' | 'printerProblem'> {
    return printerReadiness(this.printer.status());
  }

  onReadinessChange(listener: () => void): () => void {
    let last = JSON.stringify(this.readiness());
    return this.printer.on((event) => {
      if (event.type !== 'statusChanged' && event.type !== 'linkLost') return;
      const now = JSON.stringify(this.readiness());
      if (now === last) return;
      last = now;
      listener();
    });
  }

  async print(job: PrintJob, signal?: AbortSignal): Promise<PrintOutcome> {
    const onAbort = () => this.printer.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.printer.print(job);
      if (result.code === 'success') return { ok: true };
      // The driver has just asked the printer; its status says best what went wrong.
      const problem =
        printerProblem(this.printer.status()) ??
        (result.code === 'hardwareError' ? 'hardwareError' : 'offline');
      return { ok: false, problem };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
