import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptPrinterEncoderOptions } from '@point-of-sale/receipt-printer-encoder';
import { keyValueLines } from './key-value-layout';
import type { PrintElement, PrintJob } from './print-job';

export type PrinterModel = NonNullable<ReceiptPrinterEncoderOptions['printerModel']>;

export interface EscPosEncodingOptions {
  /** A profile known to the encoder (code pages, QR support); default a generic Epson TM-T88VI. */
  printerModel?: PrinterModel;
  /** Characters per line in font A: 42 on 80 mm paper at 512 dots, 48 at 576 dots, 32 on 58 mm. */
  columns?: number;
  /** Blank lines fed before the cut so the last line clears the cutter. */
  feedBeforeCut?: number;
}

export const DEFAULT_ENCODING: Required<EscPosEncodingOptions> = {
  printerModel: 'epson-tm-t88vi',
  columns: 42,
  feedBeforeCut: 4,
};

/**
 * Printers get plain characters: the no-break space Intl puts after "Rp" and typographic
 * dashes are not in every code page, and a `?` on a receipt looks broken. Control bytes are
 * removed so no text (a name from the host, say) can smuggle ESC/POS commands onto the line.
 */
export function printableText(text: string): string {
  const plain = text
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  let out = '';
  for (const ch of plain) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\t' || ch === '\n' || ch === '\r') out += ' ';
    else if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) out += ch;
  }
  return out;
}

function encodeElement(
  encoder: ReceiptPrinterEncoder,
  element: PrintElement,
  columns: number,
): void {
  switch (element.kind) {
    case 'text': {
      const double = element.size === 'double';
      encoder.align(element.align ?? 'left');
      if (element.bold) encoder.bold(true);
      if (double) encoder.size(2, 2);
      encoder.line(printableText(element.text));
      if (double) encoder.size(1, 1);
      if (element.bold) encoder.bold(false);
      encoder.align('left');
      return;
    }
    case 'rule':
      encoder.rule({ style: element.style ?? 'single' });
      return;
    case 'keyValue': {
      if (element.bold) encoder.bold(true);
      const label = printableText(element.label);
      for (const line of keyValueLines(label, printableText(element.value), columns))
        encoder.line(line);
      if (element.bold) encoder.bold(false);
      return;
    }
    case 'qr':
      encoder.align(element.align ?? 'center');
      encoder.qrcode(element.payload, {
        model: 2,
        size: Math.min(Math.max(element.moduleSize ?? 6, 1), 8),
        errorlevel: 'm',
      });
      encoder.align('left');
      return;
    case 'feed':
      if (element.lines > 0) encoder.newline(Math.min(element.lines, 20));
      return;
    case 'cut':
      encoder.cut(element.partial ? 'partial' : 'full');
      return;
  }
}

/** PrintJob -> ESC/POS bytes (initialise, content, native QR, feed and cut as the job says). */
export function encodeJobToEscPos(job: PrintJob, options: EscPosEncodingOptions = {}): Uint8Array {
  const settings = { ...DEFAULT_ENCODING, ...options };
  if (!Number.isInteger(settings.columns) || settings.columns < 1)
    throw new RangeError(`columns must be a positive whole number, not ${settings.columns}`);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    printerModel: settings.printerModel,
    columns: settings.columns,
    feedBeforeCut: settings.feedBeforeCut,
    newline: '\n',
  });
  encoder.initialize();
  for (const element of job.elements) encodeElement(encoder, element, settings.columns);
  return encoder.encode();
}
