import { z } from 'zod';

/**
 * The one KPJ rule. A KPJ (Kartu Peserta Jamsostek) number is 11 ASCII digits with no documented
 * check digit. Every place that decides whether something is a KPJ (the session's entry, the card
 * reader's track data, the scanner's payloads, the host API schemas) asks this module.
 */
export const KPJ_LENGTH = 11;

const KPJ_PATTERN = /^\d{11}$/;

export function isValidKpj(value: string): boolean {
  return KPJ_PATTERN.test(value);
}

/** A KPJ in a message (host API, journal, config): exactly the 11 digits, nothing around them. */
export const KpjNumber = z.string().regex(KPJ_PATTERN);

/** Strips spaces, dots and dashes people or card prints put between digit groups. */
export function normalizeKpj(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/** Digit groups with one space, dot or dash between them: `1234 5678 901`, `1234.5678.901`. */
const GROUPED_DIGITS = /^\d+(?:[ .-]\d+)*$/;

/**
 * The KPJ printed or encoded as digit groups (a card barcode, a QR field), or undefined when the
 * text is not exactly that. Stricter than `normalizeKpj`: no letters, no doubled separators.
 */
export function kpjFromGroupedDigits(text: string): string | undefined {
  if (!GROUPED_DIGITS.test(text)) return undefined;
  const digits = text.replace(/[ .-]/g, '');
  return isValidKpj(digits) ? digits : undefined;
}
