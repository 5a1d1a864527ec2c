import type { ReceiptPrinter } from '.';
import type { ReceiptPrinterStatus } from './printer-types';

/** What an ESC/POS printer's status means to a technician, in plain words. */
export function assessPrinterStatus(status: ReceiptPrinterStatus): {
  problems: string[];
  notes: string[];
} {
  const problems: string[] = [];
  const notes: string[] = [];
  if (status.paper === 'out') problems.push('paper out: load a new roll and close the cover');
  if (status.paper === 'low') notes.push('paper near end: replace the roll soon');
  if (status.cover === 'open') problems.push('cover open: close the printer cover');
  if (status.fault === 'cutter') problems.push('cutter error: clear the jam at the cutter');
  if (status.fault === 'unrecoverable')
    problems.push('unrecoverable printer error: power-cycle the printer');
  if (status.fault === 'autoRecoverable')
    notes.push('auto-recoverable error reported (e.g. print head too hot)');
  if (status.device === 'offline' && problems.length === 0)
    problems.push('printer reports itself offline (feed button held? error state?)');
  return { problems, notes };
}

/** The printer's detail line for technicians. */
export const printerDetail = (status: ReceiptPrinterStatus): string =>
  `paper ${status.paper}, cover ${status.cover}`;

/** Event type -> counter name, for every receipt printer driver. */
export const PRINTER_COUNTERS = { paperLow: 'paperLowEvents', paperOut: 'paperOutEvents' } as const;

/** What technicians see of any ESC/POS printer driver: counters, detail line, findings. */
export const ESC_POS_DIAGNOSTICS = {
  counters: PRINTER_COUNTERS,
  detail: (printer: ReceiptPrinter) => printerDetail(printer.status()),
  assess: (printer: ReceiptPrinter) => assessPrinterStatus(printer.status()),
};
