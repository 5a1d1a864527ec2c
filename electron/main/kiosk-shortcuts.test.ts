import { describe, expect, it } from 'vitest';
import { isEscapeShortcut } from './kiosk-shortcuts';

const key = (
  k: string,
  mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
) => ({
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isEscapeShortcut', () => {
  it('blocks reload, devtools, close, quit, print and zoom keys', () => {
    for (const input of [
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('F4', { alt: true }),
      key('w', { control: true }),
      key('q', { meta: true }),
      key('p', { control: true }),
      key('+', { control: true }),
      key('0', { control: true }),
      key('ArrowLeft', { alt: true }),
      key('F11'),
    ]) {
      expect(isEscapeShortcut(input), JSON.stringify(input)).toBe(true);
    }
  });

  it('lets the keys a participant uses through', () => {
    for (const input of [
      key('5'),
      key('0'),
      key('Enter'),
      key('Backspace'),
      key('Escape'),
      key('Tab'),
      key('Tab', { shift: true }),
      key('ArrowLeft'),
      key('a'),
      key('R', { shift: true }),
    ]) {
      expect(isEscapeShortcut(input), JSON.stringify(input)).toBe(false);
    }
  });
});
