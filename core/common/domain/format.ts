/** Formatting for the id-ID and en-ID locales, in Asia/Jakarta (WIB) unless configured. */
export type Locale = 'id-ID' | 'en-ID';
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const rupiahFormatters = new Map<Locale, Intl.NumberFormat>();

/** `Rp 12.345.679` (no-break space after Rp); whole rupiah, never silently rounded to another unit. */
export function formatRupiah(amount: number, locale: Locale = 'id-ID'): string {
  let formatter = rupiahFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'IDR',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    rupiahFormatters.set(locale, formatter);
  }
  return formatter.format(Math.round(amount));
}

function parts(date: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    out[part.type] = part.value;
  }
  return out;
}

/** `07-03-2025` */
export function formatDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(date, timeZone);
  return `${p.day}-${p.month}-${p.year}`;
}

/** `07-03-2025 14:05` */
export function formatDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(date, timeZone);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD` (host format) -> `DD-MM-YYYY`. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

/** `YYYY-MM` (host format) -> `MM-YYYY`. */
export function formatYearMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${month}-${year}`;
}

/** `14:05`, or `14:05:09` with seconds, in the given zone. */
export function formatTime(date: Date, timeZone = DEFAULT_TIME_ZONE, withSeconds = false): string {
  const p = parts(date, timeZone);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}
