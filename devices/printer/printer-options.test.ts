import { describe, expect, it } from 'vitest';
import {
  ESC_POS_PRINTER_MODELS,
  PrinterOptions,
  resolvePrinterLayout,
  type PrinterOptionsInput,
} from './printer-options';

const layoutOf = (raw: PrinterOptionsInput) => resolvePrinterLayout(PrinterOptions.parse(raw));
const problems = (raw: unknown) => {
  const result = PrinterOptions.safeParse(raw);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('printer options', () => {
  it('no options: an 80 mm Epson TM-T88VI at 42 columns', () => {
    expect(resolvePrinterLayout(undefined)).toEqual({
      paperWidth: '80mm',
      columns: 42,
      printerModel: 'epson-tm-t88vi',
    });
    expect(layoutOf({})).toEqual(resolvePrinterLayout(undefined));
  });

  it('58 mm paper prints 32 columns; 80 mm takes 42 or 48', () => {
    expect(layoutOf({ paperWidth: '58mm' }).columns).toBe(32);
    expect(layoutOf({ paperWidth: '80mm', columns: 48 }).columns).toBe(48);
    expect(layoutOf({ paperWidth: '80mm', columns: 42 }).columns).toBe(42);
  });

  it('the paper follows the columns when only they are given (older configs)', () => {
    expect(layoutOf({ columns: 32 }).paperWidth).toBe('58mm');
    expect(layoutOf({ columns: 48 }).paperWidth).toBe('80mm');
  });

  it("the model's own line width fills in what is left out", () => {
    expect(layoutOf({ printerModel: 'epson-tm-t20iii' })).toMatchObject({
      paperWidth: '80mm',
      columns: 48,
    });
    // A 58 mm model (32 columns in font A) is a 58 mm printer unless told otherwise.
    expect(layoutOf({ printerModel: 'pos-5890' })).toMatchObject({
      paperWidth: '58mm',
      columns: 32,
    });
  });

  it('refuses columns the paper cannot take, naming the field', () => {
    expect(problems({ paperWidth: '58mm', columns: 42 })).toEqual([
      "columns: 42 columns do not fit paperWidth '58mm': use 32",
    ]);
    expect(problems({ paperWidth: '80mm', columns: 32 })).toEqual([
      "columns: 32 columns do not fit paperWidth '80mm': use 42 or 48",
    ]);
    expect(problems({ columns: 40 })).toEqual([
      'columns: Expected 32, 42, 48 (58mm: 32; 80mm: 42 or 48)',
    ]);
    expect(problems({ paperWidth: '76mm' })).toEqual(["paperWidth: Expected '58mm' or '80mm'"]);
  });

  it('accepts only printer models the encoder knows and that speak ESC/POS', () => {
    expect(problems({ printerModel: 'epson-tm-t88vi' })).toEqual([]);
    const [unknown] = problems({ printerModel: 'TM-T82' });
    expect(unknown).toMatch(
      /^printerModel: Unknown printer model 'TM-T82'; known ESC\/POS models: /,
    );
    expect(unknown).toContain('epson-tm-t88vi');
    expect(problems({ printerModel: 'star-tsp100iv' })).toEqual([
      expect.stringMatching(/^printerModel: 'star-tsp100iv' speaks star-prnt, not ESC\/POS/),
    ]);
    expect(ESC_POS_PRINTER_MODELS).toContain('pos-5890');
    expect(ESC_POS_PRINTER_MODELS).not.toContain('star-tsp100iv');
  });

  it('refuses unknown fields (a typo does not silently fall back to the defaults)', () => {
    expect(problems({ paperwidth: '58mm' })).toEqual([
      expect.stringContaining('Unrecognized key: "paperwidth"'),
    ]);
  });
});
