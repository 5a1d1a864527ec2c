import type { FunctionKey, PlainKey } from '../../pinpad/pinpad';

/**
 * The pad's keys by their XFS4IoT Keyboard names (`zero`..`nine`, `enter`, `cancel`, `clear`,
 * `backspace`: KeyEvent_g.cs `digit` and the ActiveKeys map of DataEntry_g.cs / PinEntry_g.cs).
 */
const DIGIT_NAMES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
] as const;
const FUNCTION_KEYS: readonly FunctionKey[] = ['enter', 'cancel', 'clear', 'backspace'];

export function xfsKeyName(key: PlainKey): string {
  return /^\d$/.test(key) ? DIGIT_NAMES[Number(key)]! : key;
}

/** The kiosk's key for an XFS4IoT key name; undefined for keys the kiosk does not use. */
export function plainKeyOf(name: unknown): PlainKey | undefined {
  if (typeof name !== 'string') return undefined;
  const digit = DIGIT_NAMES.indexOf(name as (typeof DIGIT_NAMES)[number]);
  if (digit >= 0) return String(digit) as PlainKey;
  return FUNCTION_KEYS.find((key) => key === name);
}

/**
 * A PIN entry KeyEvent's key: a digit comes with no `digit` (KeyEvent_g.cs); one that names its
 * digit anyway (a service at fault) still counts only as `digit`.
 */
export function pinKeyOf(name: unknown): 'digit' | FunctionKey | undefined {
  if (name == null) return 'digit';
  const key = plainKeyOf(name);
  if (key === undefined) return undefined;
  return /^\d$/.test(key) ? 'digit' : (key as FunctionKey);
}

/** `fdk01`..`fdk32`, the Keyboard names of an ATM's function display keys. */
export const fdkName = (fdk: number): string => `fdk${String(fdk).padStart(2, '0')}`;

/** The FDK a KeyEvent names (`fdk05` -> 5), or undefined. */
export function fdkOf(name: unknown): number | undefined {
  const match = typeof name === 'string' ? /^fdk(0[1-9]|[12][0-9]|3[0-2])$/.exec(name) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Every key the kiosk uses, enabled; enter and cancel end the entry. `fdks`: how many FDKs the
 * ATM has (they do not end the entry: the kiosk keeps one open while its step takes keys).
 */
export function activeKeys(fdks = 0): Record<string, { terminate: boolean }> {
  return Object.fromEntries([
    ...DIGIT_NAMES.map((name) => [name, { terminate: false }]),
    ...FUNCTION_KEYS.map((key) => [key, { terminate: key === 'enter' || key === 'cancel' }]),
    ...Array.from({ length: fdks }, (_, index) => [fdkName(index + 1), { terminate: false }]),
  ]);
}

/** The digits a plain entry leaves, from the keys it reports in order (clear and backspace applied). */
export function digitsOf(keys: unknown[]): string {
  let digits = '';
  for (const entry of keys) {
    const key = plainKeyOf((entry as { digit?: unknown } | null)?.digit);
    if (key === 'clear') digits = '';
    else if (key === 'backspace') digits = digits.slice(0, -1);
    else if (key !== undefined && /^\d$/.test(key)) digits += key;
  }
  return digits;
}
