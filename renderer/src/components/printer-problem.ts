import type { PrinterProblem } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';

export function printerProblemText(
  t: Messages,
  problem: PrinterProblem | undefined | null,
): string {
  switch (problem) {
    case 'paperOut':
      return t.printerPaperOut;
    case 'coverOpen':
      return t.printerCoverOpen;
    case 'busy':
      return t.printerBusy;
    case 'hardwareError':
      return t.printerHardwareError;
    default:
      return t.printerOffline;
  }
}
