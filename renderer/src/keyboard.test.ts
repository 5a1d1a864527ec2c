import { describe, expect, it } from 'vitest';
import { actionForKey, intentForKey, type KeyContext } from './keyboard';

const on = (overrides: Partial<KeyContext> = {}): KeyContext => ({
  technician: false,
  language: 'id',
  speechAvailable: true,
  speechEnabled: false,
  ...overrides,
});

describe('physical keypad keys', () => {
  it('sends digits, Enter, Clear, Correct and Cancel to the brain as the on-screen keypad does', () => {
    expect(actionForKey('7', on())).toEqual({
      kind: 'intent',
      intent: { type: 'digit', digit: '7' },
    });
    expect(actionForKey('Enter', on())).toEqual({ kind: 'intent', intent: { type: 'enter' } });
    expect(actionForKey('Delete', on())).toEqual({ kind: 'intent', intent: { type: 'clear' } });
    expect(actionForKey('Backspace', on())).toEqual({
      kind: 'intent',
      intent: { type: 'backspace' },
    });
    expect(actionForKey('Escape', on())).toEqual({ kind: 'intent', intent: { type: 'cancel' } });
    expect(actionForKey('a', on())).toBeNull();
    expect(intentForKey('F1')).toBeNull();
  });

  it('switches the language with * at any step, both ways', () => {
    expect(actionForKey('*', on())).toEqual({
      kind: 'intent',
      intent: { type: 'chooseLanguage', language: 'en' },
    });
    expect(actionForKey('*', on({ language: 'en' }))).toEqual({
      kind: 'intent',
      intent: { type: 'chooseLanguage', language: 'id' },
    });
  });

  it('sends # to the brain as "voice guidance on, or say it again"', () => {
    const voice = { kind: 'intent', intent: { type: 'voice', command: 'repeat' } };
    expect(actionForKey('#', on())).toEqual(voice);
    expect(actionForKey('#', on({ speechEnabled: true }))).toEqual(voice);
  });

  it('leaves every digit to the brain, which knows what a number means on each screen', () => {
    for (const digit of '0123456789')
      expect(actionForKey(digit, on())).toEqual({
        kind: 'intent',
        intent: { type: 'digit', digit },
      });
  });

  it('changes the volume with + and - only while voice guidance is on', () => {
    expect(actionForKey('+', on({ speechEnabled: true }))).toEqual({
      kind: 'speech',
      action: 'louder',
    });
    expect(actionForKey('-', on({ speechEnabled: true }))).toEqual({
      kind: 'speech',
      action: 'quieter',
    });
    expect(actionForKey('+', on())).toBeNull();
    expect(actionForKey('-', on())).toBeNull();
  });

  it('ignores the voice keys where the platform has no speech synthesis', () => {
    expect(actionForKey('#', on({ speechAvailable: false }))).toBeNull();
  });

  it('gives technician screens plain keys only', () => {
    const technician = on({ technician: true });
    expect(actionForKey('*', technician)).toBeNull();
    expect(actionForKey('#', technician)).toBeNull();
    expect(actionForKey('+', { ...technician, speechEnabled: true })).toBeNull();
    expect(actionForKey('3', technician)).toEqual({
      kind: 'intent',
      intent: { type: 'digit', digit: '3' },
    });
    expect(actionForKey('Escape', technician)).toEqual({
      kind: 'intent',
      intent: { type: 'cancel' },
    });
  });
});
