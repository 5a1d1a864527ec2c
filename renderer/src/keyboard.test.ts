import { describe, expect, it } from 'vitest';
import { actionForKey, intentForKey, type KeyContext } from './keyboard';

const on = (overrides: Partial<KeyContext> = {}): KeyContext => ({
  screen: 'enterKpj',
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
    for (const screen of ['attract', 'enterKpj', 'enterBirthDate', 'balance', 'thankYou'] as const)
      expect(actionForKey('*', on({ screen }))).toEqual({
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

  it('leaves 3 a digit for the brain: voice on / off on the start screen, print on the balance', () => {
    for (const screen of ['attract', 'balance', 'enterKpj'] as const)
      expect(actionForKey('3', on({ screen }))).toEqual({
        kind: 'intent',
        intent: { type: 'digit', digit: '3' },
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
    for (const screen of ['technicianPin', 'technician'] as const) {
      expect(actionForKey('*', on({ screen }))).toBeNull();
      expect(actionForKey('#', on({ screen }))).toBeNull();
      expect(actionForKey('3', on({ screen }))).toEqual({
        kind: 'intent',
        intent: { type: 'digit', digit: '3' },
      });
    }
  });
});
