/**
 * A device-neutral receipt: what core composes and a printer driver encodes. No ESC/POS here,
 * so another command language (StarPRNT, a PDF for tests) can print the same job.
 */
export type TextAlign = 'left' | 'center' | 'right';
export type TextSize = 'normal' | 'double';

export interface TextLine {
  kind: 'text';
  text: string;
  bold?: boolean;
  size?: TextSize;
  align?: TextAlign;
}

export interface RuleLine {
  kind: 'rule';
  style?: 'single' | 'double';
}

/** A label on the left and a value flush right on the same line (wraps if both do not fit). */
export interface KeyValueRow {
  kind: 'keyValue';
  label: string;
  value: string;
  bold?: boolean;
}

export interface QrCode {
  kind: 'qr';
  payload: string;
  /** Module size in dots, 1..8; printers default to about 6. */
  moduleSize?: number;
  align?: TextAlign;
}

export interface BlankLines {
  kind: 'feed';
  lines: number;
}

export interface Cut {
  kind: 'cut';
  partial?: boolean;
}

export type PrintElement = TextLine | RuleLine | KeyValueRow | QrCode | BlankLines | Cut;

export interface PrintJob {
  /** For journals and technicians, never personal data: e.g. `balance-receipt`. */
  name: string;
  elements: PrintElement[];
}

/** Small builders so composing code reads like the receipt it makes. */
export const job = {
  text: (text: string, style: Omit<TextLine, 'kind' | 'text'> = {}): TextLine => ({
    kind: 'text',
    text,
    ...style,
  }),
  rule: (style: RuleLine['style'] = 'single'): RuleLine => ({ kind: 'rule', style }),
  keyValue: (label: string, value: string, bold = false): KeyValueRow => ({
    kind: 'keyValue',
    label,
    value,
    bold,
  }),
  qr: (payload: string, moduleSize = 6): QrCode => ({
    kind: 'qr',
    payload,
    moduleSize,
    align: 'center',
  }),
  feed: (lines = 1): BlankLines => ({ kind: 'feed', lines }),
  cut: (partial = false): Cut => ({ kind: 'cut', partial }),
};
