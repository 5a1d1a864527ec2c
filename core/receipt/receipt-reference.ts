import { formatDate, DEFAULT_TIME_ZONE } from '../common/domain/format';
import { personalDataProblem } from '../journal/journal-entry';

/**
 * A short reference a participant can read out to the call centre: terminal, local date and a
 * per-terminal daily sequence, e.g. `KSK01-20261122-0042`. Unique as long as each terminal
 * has its own ID and counts at most 10 000 receipts a day.
 */
export function newReceiptReference(
  terminalId: string,
  date: Date,
  seq: number,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const words = terminalId
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (!words.length) throw new RangeError('terminal ID needs at least one letter or digit');
  if (!Number.isInteger(seq) || seq < 0 || seq > 9999)
    throw new RangeError('receipt sequence must be an integer 0..9999');
  const [day, month, year] = formatDate(date, timeZone).split('-');
  const suffix = `${year}${month}${day}-${String(seq).padStart(4, '0')}`;
  const compact = `${words.join('')}-${suffix}`;
  // Joining the words can make what the ID kept apart look like personal data to the journal
  // (`1234567890-1` an 11-digit run, `R-P0` a rupiah amount): then the dashes stay.
  return personalDataProblem(compact) ? `${words.join('-')}-${suffix}` : compact;
}
