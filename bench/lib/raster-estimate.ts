import type { PrintJob } from '../../devices/printer/print-job';

/**
 * How many bytes the same receipt takes when a kiosk renders it to an image (HTML to bitmap)
 * and prints it with GS v 0: a 1-bit raster, 576 dots wide (80 mm paper at 203 dpi), so 72
 * bytes per dot row, plus the 8-byte command header. The height is derived from the job, not
 * rendered: every text line is 24 dots (12x24 font A, no extra line spacing), double-size
 * text 48, a QR code its modules times the module size (no quiet zone), and the feed before
 * the cut is included as blank lines, as the ESC/POS encoding feeds them too.
 */
export const RASTER = {
  widthDots: 576,
  bytesPerRow: 576 / 8,
  lineDots: 24,
  headerBytes: 8,
} as const;

export interface RasterEstimate {
  textLines: number;
  qrDots: number;
  heightDots: number;
  bytes: number;
}

export function estimateRaster(
  job: PrintJob,
  options: { columns: number; feedBeforeCut: number; qrModules: (payload: string) => number },
): RasterEstimate {
  const { columns } = options;
  let textLines = 0;
  let qrDots = 0;
  for (const element of job.elements) {
    switch (element.kind) {
      case 'text': {
        const double = element.size === 'double';
        const width = element.text.length * (double ? 2 : 1);
        textLines += Math.max(1, Math.ceil(width / columns)) * (double ? 2 : 1);
        break;
      }
      case 'rule':
        textLines += 1;
        break;
      case 'keyValue':
        textLines += element.label.length + 1 + element.value.length <= columns ? 1 : 2;
        break;
      case 'feed':
        textLines += element.lines;
        break;
      case 'qr':
        qrDots += options.qrModules(element.payload) * (element.moduleSize ?? 6);
        break;
      case 'cut':
        textLines += options.feedBeforeCut;
        break;
    }
  }
  const heightDots = textLines * RASTER.lineDots + qrDots;
  return {
    textLines,
    qrDots,
    heightDots,
    bytes: heightDots * RASTER.bytesPerRow + RASTER.headerBytes,
  };
}

/** Seconds on a serial line at `baud`, 8N1: 10 bits per byte. */
export const serialSeconds = (bytes: number, baud: number): number => (bytes * 10) / baud;
