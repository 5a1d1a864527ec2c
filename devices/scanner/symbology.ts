/**
 * AIM symbology identifiers (ISO/IEC 15424) that scanners can prefix to the data: `]` + code
 * character + modifier, e.g. `]C0` Code 128, `]Q1` QR Code.
 */
export type Symbology = 'code128' | 'qr' | 'dataMatrix' | 'code39' | 'ean' | 'other' | 'unknown';

const BY_CODE: Record<string, Symbology> = {
  C: 'code128',
  Q: 'qr',
  d: 'dataMatrix',
  A: 'code39',
  E: 'ean',
};

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

export function symbologyOf(aimId: string): Symbology {
  return AIM_PREFIX.test(aimId) ? (BY_CODE[aimId[1] ?? ''] ?? 'other') : 'unknown';
}

/** Splits an optional AIM identifier off the front of the scanned text. */
export function stripAimIdentifier(text: string): { symbology: Symbology; data: string } {
  if (!AIM_PREFIX.test(text)) return { symbology: 'unknown', data: text };
  return { symbology: symbologyOf(text.slice(0, 3)), data: text.slice(3) };
}
