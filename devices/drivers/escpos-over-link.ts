import type { Transport } from '../common/transport';
import type { PrinterOptions } from '../printer/printer-options';
import { resolvePrinterLayout } from '../printer/printer-options';
import { EscPosPrinter } from '../printer/receipt-printer';

/** An ESC/POS printer over any link, laid out by its config's options: what every ESC/POS driver creates. */
export function escPosOverLink(
  transport: Transport,
  options: PrinterOptions | undefined,
  context: { answerTimeoutMs: number; pollIntervalMs: number },
): EscPosPrinter {
  return new EscPosPrinter({
    transport,
    statusTimeoutMs: context.answerTimeoutMs,
    // Polling notices paper changes and, on a serial line, a pulled cable (the write fails).
    pollIntervalMs: context.pollIntervalMs,
    encoding: resolvePrinterLayout(options),
  });
}
