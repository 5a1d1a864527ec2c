/** Birth dates are typed as 8 digits DDMMYYYY and shown as DD-MM-YYYY. */
export const BIRTH_DATE_DIGITS = 8;

/**
 * The ages a participant can have, in whole years: the minimum working age (15) to an age the
 * host's statements still carry (100). A birth date outside is a typing slip, checked on the
 * kiosk before a verification attempt is spent on it.
 */
export const PARTICIPANT_AGE = { min: 15, max: 100 } as const;

export type BirthDateProblem = 'incomplete' | 'notADate' | 'inFuture' | 'ageOutOfRange';

export type BirthDateParse = { ok: true; iso: string } | { ok: false; reason: BirthDateProblem };

/** Whole years from a birth date to `today` (both read as UTC calendar dates). */
export function ageOn(birth: { year: number; month: number; day: number }, today: Date): number {
  const year = today.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() + 1 < birth.month ||
    (today.getUTCMonth() + 1 === birth.month && today.getUTCDate() < birth.day);
  return year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * Parses `DD-MM-YYYY` or `DDMMYYYY` into an ISO date, accepting only real calendar dates of a
 * person of an age the programme allows (PARTICIPANT_AGE).
 */
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
  const age = ageOn({ year, month, day }, today);
  if (age < PARTICIPANT_AGE.min || age > PARTICIPANT_AGE.max)
    return { ok: false, reason: 'ageOutOfRange' };
  return { ok: true, iso: `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}` };
}

/**
 * The calendar date at `now` in `timeZone`, as UTC midnight: what "today" is for a birth date
 * typed at a kiosk in Jakarta (00:30 WIB is still yesterday in UTC).
 */
export function calendarDay(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

/** Shows typed digits in the DD-MM-YYYY mask, with placeholders for what is still missing. */
export function formatBirthDateEntry(digits: string): string {
  const padded = digits.padEnd(BIRTH_DATE_DIGITS, '_');
  return `${padded.slice(0, 2)}-${padded.slice(2, 4)}-${padded.slice(4, 8)}`;
}
