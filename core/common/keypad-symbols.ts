/**
 * The symbols of the function keys, the same on the screen's keypad and on the pin pad's legend.
 * ADA 2010 §707.6.3.2 gives the pad's raised symbols: Enter a circle, Clear a left arrow, Cancel
 * an X. The pad's Clear key empties the field (the `clear` intent), so the screen's "clear all"
 * key wears the same arrow; deleting one digit (`backspace`) gets the erase-to-the-left key of
 * phone and computer keyboards, so the two never look alike.
 */
export const KEY_SYMBOLS = {
  enter: '○',
  clear: '←',
  backspace: '⌫',
  cancel: '✕',
} as const;
