/**
 * The US keyboard layout, in one place for every keyboard-wedge decoder and encoder: which
 * character a key types, plain and with Shift. Keys are named by what they type unshifted on the
 * main block (`a`, `1`, `-`, ` `), keypad keys as `KP1`, `KP.`, ...; the two Enter keys end a
 * scan. Keyboard reports (HID usage IDs) and evdev events (KEY_* codes) each map their codes to
 * these names in their own decoder.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MAIN_BLOCK = [
  ['1', '!'],
  ['2', '@'],
  ['3', '#'],
  ['4', '$'],
  ['5', '%'],
  ['6', '^'],
  ['7', '&'],
  ['8', '*'],
  ['9', '('],
  ['0', ')'],
  ['-', '_'],
  ['=', '+'],
  ['[', '{'],
  [']', '}'],
  ['\\', '|'],
  [';', ':'],
  ["'", '"'],
  ['`', '~'],
  [',', '<'],
  ['.', '>'],
  ['/', '?'],
  [' ', ' '],
] as const;
// With Num Lock on (scanners that type keypad digits expect it), Shift does not change them.
const KEYPAD = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '/', '*', '-', '+'] as const;

export type TypingKey =
  | (typeof MAIN_BLOCK)[number][0]
  | `KP${(typeof KEYPAD)[number]}`
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';
export type EnterKey = 'Enter' | 'KPEnter';
/** Every key a keyboard-wedge scanner may press that the kiosk reads. */
export type WedgeKey = TypingKey | EnterKey;

const TYPES = new Map<string, readonly [plain: string, shifted: string]>([
  ...[...LETTERS].map((letter) => [letter, [letter, letter.toUpperCase()]] as const),
  ...MAIN_BLOCK.map(([plain, shifted]) => [plain, [plain, shifted]] as const),
  ...KEYPAD.map((char) => [`KP${char}`, [char, char]] as const),
]);

export const isEnterKey = (key: WedgeKey): key is EnterKey => key === 'Enter' || key === 'KPEnter';

/** The character a key types on a US layout, with or without Shift. */
export function typedCharacter(key: TypingKey, shift: boolean): string {
  const chars = TYPES.get(key)!;
  return shift ? chars[1] : chars[0];
}

/** How a US keyboard types `char` on its main block; undefined for anything but printable ASCII. */
export function keystrokeFor(char: string): { key: TypingKey; shift: boolean } | undefined {
  for (const [key, [plain, shifted]] of TYPES) {
    if (key.startsWith('KP')) continue;
    if (plain === char) return { key: key as TypingKey, shift: false };
    if (shifted === char) return { key: key as TypingKey, shift: true };
  }
  return undefined;
}
