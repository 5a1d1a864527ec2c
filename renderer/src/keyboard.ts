import type { Intent } from '../../core/common/api';

/** Physical keys (a USB keypad or keyboard) mapped to the same intents as the on-screen keypad. */
export function intentForKey(key: string): Intent | null {
  if (/^\d$/.test(key)) return { type: 'digit', digit: key };
  switch (key) {
    case 'Backspace':
      return { type: 'backspace' };
    case 'Delete':
      return { type: 'clear' };
    case 'Enter':
      return { type: 'enter' };
    case 'Escape':
      return { type: 'cancel' };
    default:
      return null;
  }
}
