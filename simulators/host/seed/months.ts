/** Calendar arithmetic on `YYYY-MM` month keys, the unit of contribution history. */

export function monthIndex(yearMonth: string): number {
  const [year, month] = yearMonth.split('-').map(Number);
  return year! * 12 + (month! - 1);
}

export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function addMonths(yearMonth: string, months: number): string {
  return monthKey(monthIndex(yearMonth) + months);
}

/** `YYYY-MM-DD` for a day of a month; days past the month's end are clamped. */
export function dayOf(yearMonth: string, day: number): string {
  const [year, month] = yearMonth.split('-').map(Number);
  const last = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return `${yearMonth}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function lastDayOf(yearMonth: string): string {
  return dayOf(yearMonth, 31);
}

/** Whole years between an ISO birth date and an ISO date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y! - by!;
  if (m! < bm! || (m === bm && d! < bd!)) age -= 1;
  return age;
}
