export type Align = 'left' | 'center' | 'right';

/** A stretch of one line printed in one style. */
export interface TextRun {
  text: string;
  bold: boolean;
  /** Character magnification, 1..8 (GS !). */
  width: number;
  height: number;
}

export interface PrintedLine {
  kind: 'line';
  /** The line's content without the padding the host used to position it. */
  text: string;
  /** True when every visible character is bold. */
  bold: boolean;
  size: 'normal' | 'double';
  align: Align;
  runs: TextRun[];
}

export interface PrintedQr {
  kind: 'qr';
  payload: string;
  align: Align;
}

export type PrintedItem = PrintedLine | PrintedQr;

export interface PrintedReceipt {
  items: PrintedItem[];
  /** How the paper was cut, or null while the receipt is still on the roll. */
  cut: 'full' | 'partial' | null;
}

/** The text lines of a receipt, trimmed, blank lines left out: handy for assertions. */
export function receiptText(receipt: PrintedReceipt): string[] {
  return receipt.items
    .filter((item): item is PrintedLine => item.kind === 'line' && item.text !== '')
    .map((line) => line.text);
}
