import type { EntryView, Intent } from '../../../core/common/api';
import { formatBirthDateEntry } from '../../../core/common/domain/birth-date';

/**
 * The entry field as the brain will show it once it has taken a keypad key, so the digit
 * appears in the next frame instead of after a round trip to the brain. Only the display and
 * the length are foreseen; the brain's view replaces this as soon as it arrives and stays the
 * authority (whether the entry is complete, what is accepted at all). Null: not an entry key,
 * or one the brain would ignore.
 */
export function echoEntry(entry: EntryView, intent: Intent): EntryView | null {
  // The projection's fields start prefilled (the first digit replaces the value) and the wage
  // shows as rupiah: only the brain knows how the next key changes them.
  if (entry.field === 'wage' || entry.field === 'years') return null;
  const digits = entry.display.replace(/\D/g, '');
  let next: string;
  if (intent.type === 'digit') {
    if (digits.length >= entry.maxLength) return null;
    next = digits + intent.digit;
  } else if (intent.type === 'backspace' || intent.type === 'clear') {
    if (!digits) return null;
    next = intent.type === 'clear' ? '' : digits.slice(0, -1);
  } else return null;
  return {
    ...entry,
    display: entry.field === 'birthDate' ? formatBirthDateEntry(next) : next,
    length: next.length,
  };
}
