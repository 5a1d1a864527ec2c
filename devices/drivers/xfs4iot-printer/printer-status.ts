/**
 * The Printer parts of what an XFS4IoT service sends, read with zod (KAL SP-Dev
 * Framework/Core/Printer/PrinterSchemas_g.cs StatusClass, CapabilitiesClass; Events/
 * PaperThresholdEvent_g.cs): a part that does not parse is left out, never trusted.
 */
import { z } from 'zod';
import { errorNote } from '../../common/line-device';
import type { PaperState, ReceiptPrinterStatus } from '../../printer/printer-types';

/** PaperSupplyEnum. */
const PAPER_SUPPLIES = ['unknown', 'full', 'low', 'out', 'jammed'] as const;
type PaperSupply = (typeof PAPER_SUPPLIES)[number];

/** StatusClass.MediaEnum. */
const MEDIA_STATES = [
  'unknown',
  'present',
  'notPresent',
  'jammed',
  'entering',
  'retracted',
] as const;

/** Common.Status / StatusChangedEvent `printer` (a StatusChangedEvent carries what changed). */
const PrinterStatusPart = z
  .object({
    media: z.enum(MEDIA_STATES).nullable().optional(),
    // Vendor paper sources may follow the standard ones, so every key is read as a supply.
    paper: z.record(z.string(), z.enum(PAPER_SUPPLIES).nullable()).nullable().optional(),
  })
  .loose();

/** Printer.PaperThresholdEvent payload. */
const PaperThreshold = z
  .object({
    paperSource: z.string().nullable().optional(),
    threshold: z.enum(['full', 'low', 'out']).nullable().optional(),
  })
  .loose();

/** The receipt roll: `upper` is "the only paper source" when a printer has one. */
export const RECEIPT_PAPER_SOURCE = 'upper';

const paperOf = (supply: PaperSupply): PaperState =>
  supply === 'jammed' ? 'unknown' : supply === 'unknown' ? 'unknown' : supply;

/**
 * The kiosk's printer status with a Common.Status or StatusChangedEvent payload applied. XFS4IoT
 * has no printer cover state, so `cover` stays `unknown`; a jam is kept as the last error.
 */
export function applyPrinterStatus(
  payload: Record<string, unknown>,
  current: ReceiptPrinterStatus,
): ReceiptPrinterStatus {
  if (payload.printer === undefined || payload.printer === null) return current;
  const parsed = PrinterStatusPart.safeParse(payload.printer);
  if (!parsed.success)
    return { ...current, lastError: errorNote('printer status part malformed; ignored') };
  const { media, paper } = parsed.data;
  const supply = paper?.[RECEIPT_PAPER_SOURCE] ?? firstSupply(paper);
  const next: ReceiptPrinterStatus = {
    ...current,
    ...(supply ? { paper: paperOf(supply) } : {}),
  };
  if (supply === 'jammed' || media === 'jammed')
    next.lastError = errorNote(supply === 'jammed' ? 'paper jammed' : 'media jammed');
  return next;
}

function firstSupply(paper: Record<string, PaperSupply | null> | null | undefined) {
  if (!paper) return undefined;
  return Object.values(paper).find((supply): supply is PaperSupply => supply != null);
}

/** The paper level a PaperThresholdEvent reports for the receipt roll, if it is about it. */
export function paperThreshold(payload: Record<string, unknown>): PaperState | undefined {
  const parsed = PaperThreshold.safeParse(payload);
  if (!parsed.success || !parsed.data.threshold) return undefined;
  const source = parsed.data.paperSource ?? RECEIPT_PAPER_SOURCE;
  return source === RECEIPT_PAPER_SOURCE ? parsed.data.threshold : undefined;
}

/** CapabilitiesClass.ControlClass: the media control actions the device supports. */
const PrinterCapabilitiesPart = z
  .object({
    control: z
      .object({
        cut: z.boolean().nullable().optional(),
        partialCut: z.boolean().nullable().optional(),
        eject: z.boolean().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    mediaTaken: z.boolean().nullable().optional(),
    mediaPresented: z.boolean().nullable().optional(),
  })
  .loose();

export interface MediaControls {
  cut: boolean;
  partialCut: boolean;
  eject: boolean;
}

export function mediaControlsOf(capabilities: Record<string, unknown>): MediaControls {
  const parsed = PrinterCapabilitiesPart.safeParse(capabilities.printer ?? {});
  const control = parsed.success ? parsed.data.control : undefined;
  return {
    cut: control?.cut === true,
    partialCut: control?.partialCut === true,
    eject: control?.eject === true,
  };
}
