import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { z } from 'zod';
import type { PrinterModel } from './escpos-job-encoder';

export type PaperWidth = '58mm' | '80mm';

/** Characters per line in font A that each roll width takes; the first is the default. */
export const COLUMNS_BY_PAPER: Readonly<Record<PaperWidth, readonly number[]>> = {
  '58mm': [32],
  '80mm': [42, 48],
};

export const DEFAULT_PAPER_WIDTH: PaperWidth = '80mm';
export const DEFAULT_PRINTER_MODEL: PrinterModel = 'epson-tm-t88vi';

interface ModelProfile {
  language: string;
  /** Font A characters per line, as the encoder's profile says. */
  columns: number;
}

/** The encoder's own profiles, read once: the config is checked against what it really knows. */
const PROFILES = new Map<string, ModelProfile>(
  ReceiptPrinterEncoder.printerModels.map(({ id }) => {
    const encoder = new ReceiptPrinterEncoder({ printerModel: id as PrinterModel });
    const capabilities = encoder.printerCapabilities as {
      fonts?: { A?: { columns?: number } };
    } | null;
    return [id, { language: encoder.language, columns: capabilities?.fonts?.A?.columns ?? 42 }];
  }),
);

/** The encoder's profiles for printers that speak ESC/POS, the only language this driver speaks. */
export const ESC_POS_PRINTER_MODELS: readonly PrinterModel[] = [...PROFILES]
  .filter(([, profile]) => profile.language === 'esc-pos')
  .map(([id]) => id as PrinterModel);

const paperWidths = Object.keys(COLUMNS_BY_PAPER) as PaperWidth[];
const allColumns = [...new Set(Object.values(COLUMNS_BY_PAPER).flat())];
/** The fewest characters a receipt line has on any paper the kiosk prints on. */
export const NARROWEST_COLUMNS = Math.min(...allColumns);

/**
 * The `options` of a receipt printer in the config. Every field may be left out: the paper
 * width follows the columns (32 -> 58 mm), else the model's line (a 32-column POS-5890 is a
 * 58 mm printer), else 80 mm; the columns follow the paper (58 mm: 32; 80 mm: the model's 42
 * or 48, else 42). A columns count the paper cannot take is
 * refused, naming the field, so a misconfigured kiosk never prints a receipt that wraps.
 */
export const PrinterOptions = z
  .object({
    paperWidth: z
      .enum(paperWidths, { error: `Expected ${paperWidths.map(quote).join(' or ')}` })
      .optional(),
    columns: z
      .number({ error: 'Expected a number' })
      .int('Expected a whole number')
      .refine((n) => allColumns.includes(n), {
        message: `Expected ${allColumns.join(', ')} (58mm: 32; 80mm: 42 or 48)`,
      })
      .optional(),
    printerModel: z
      .string({ error: 'Expected a string' })
      .superRefine((model, ctx) => {
        const problem = printerModelProblem(model);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((model) => model as PrinterModel)
      .optional(),
  })
  .strict()
  .superRefine((options, ctx) => {
    const { paperWidth, columns } = options;
    if (paperWidth === undefined || columns === undefined) return;
    const fitting = COLUMNS_BY_PAPER[paperWidth];
    if (!fitting.includes(columns))
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `${columns} columns do not fit paperWidth ${quote(paperWidth)}: use ${fitting.join(' or ')}`,
      });
  });

export type PrinterOptions = z.infer<typeof PrinterOptions>;
export type PrinterOptionsInput = z.input<typeof PrinterOptions>;

/** What the encoder and the receipt layout need: the printer's profile and its line width. */
export interface PrinterLayout {
  paperWidth: PaperWidth;
  columns: number;
  printerModel: PrinterModel;
}

/** Fills in what the options leave out; no options at all is an 80 mm TM-T88VI at 42 columns. */
export function resolvePrinterLayout(options: PrinterOptions | undefined = {}): PrinterLayout {
  const printerModel = options.printerModel ?? DEFAULT_PRINTER_MODEL;
  const profile = PROFILES.get(printerModel);
  const paperWidth =
    options.paperWidth ??
    paperFor(options.columns) ??
    paperFor(profile?.columns) ??
    DEFAULT_PAPER_WIDTH;
  const fitting = COLUMNS_BY_PAPER[paperWidth];
  const columns =
    options.columns ??
    (profile && fitting.includes(profile.columns) ? profile.columns : fitting[0]!);
  return { paperWidth, columns, printerModel };
}

/** The roll a line width belongs to: 32 columns are 58 mm paper, 42 and 48 are 80 mm. */
function paperFor(columns: number | undefined): PaperWidth | undefined {
  if (columns === undefined) return undefined;
  return paperWidths.find((paper) => COLUMNS_BY_PAPER[paper].includes(columns));
}

/** Why a model name cannot drive this printer, or undefined when it can. */
function printerModelProblem(model: string): string | undefined {
  const profile = PROFILES.get(model);
  if (!profile)
    return `Unknown printer model ${quote(model)}; known ESC/POS models: ${ESC_POS_PRINTER_MODELS.join(', ')}`;
  if (profile.language !== 'esc-pos')
    return `${quote(model)} speaks ${profile.language}, not ESC/POS; known ESC/POS models: ${ESC_POS_PRINTER_MODELS.join(', ')}`;
  return undefined;
}

function quote(text: string): string {
  return `'${text}'`;
}
