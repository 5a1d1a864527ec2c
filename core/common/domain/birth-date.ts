/** Birth dates are typed as 8 digits DDMMYYYY and shown as DD-MM-YYYY. */
export const BIRTH_DATE_DIGITS = 8;

export type BirthDateParse =
  | { ok: true; iso: string }
  | { ok: false; reason: 'incomplete' | 'notADate' | 'inFuture' | 'tooOld' };

/** Parses `DD-MM-YYYY` or `DDMMYYYY` into an ISO date, accepting only real calendar dates. */
export function parseBirthDate(input: string, today: Date = new Date()): BirthDateParse {
  const digits = input.replace(/[\s./-]/g, '');
  if (!/^\d{8}$/.test(digits)) return { ok: false, reason: 'incomplete' };
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, reason: 'notADate' };
  }
  if (date.getTime() > today.getTime()) return { ok: false, reason: 'inFuture' };
  if (year < today.getUTCFullYear() - 120) return { ok: false, reason: 'tooOld' };
  return { ok: true, iso: `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}` };
}

/** Shows typed digits in the DD-MM-YYYY mask, with placeholders for what is still missing. */
export function formatBirthDateEntry(digits: string): string {
  const padded = digits.padEnd(BIRTH_DATE_DIGITS, '_');
  return `${padded.slice(0, 2)}-${padded.slice(2, 4)}-${padded.slice(4, 8)}`;
}
