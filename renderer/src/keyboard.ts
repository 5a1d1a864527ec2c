import type { Intent, Language } from '../../core/common/api';

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

/** What stays in the UI: the volume of the platform's speech synthesis. */
export type SpeechAction = 'louder' | 'quieter';

export type KeyAction =
  { kind: 'intent'; intent: Intent } | { kind: 'speech'; action: SpeechAction };

export interface KeyContext {
  /** A technician screen is open (the brain's view carries `technician`). */
  technician: boolean;
  language: Language;
  speechAvailable: boolean;
  /** Voice guidance is on (the brain's view says so). */
  speechEnabled: boolean;
}

/**
 * The 12-key keypad (digits, `*`, `#`) plus Enter / Clear / Cancel reaches every participant
 * function. One rule: the session is the brain's, so every key that changes it goes there as
 * an intent, the same ones the pin pad sends: digits, Enter / Clear / Cancel, `*` (switch
 * language at any step; the brain keeps what was typed), `#` (voice guidance on, or say the
 * prompt again); the digits of a numbered menu are the brain's (core/session/menus.ts). Only the volume stays in the UI: `+` / `-` while voice guidance is on.
 * Technician screens get plain keys only.
 */
export function actionForKey(key: string, context: KeyContext): KeyAction | null {
  const plain = intentForKey(key);
  if (context.technician) return plain ? { kind: 'intent', intent: plain } : null;
  if (key === '*') {
    const language: Language = context.language === 'id' ? 'en' : 'id';
    return { kind: 'intent', intent: { type: 'chooseLanguage', language } };
  }
  if (key === '#')
    return context.speechAvailable
      ? { kind: 'intent', intent: { type: 'voice', command: 'repeat' } }
      : null;
  if (key === '+' || key === '-') {
    if (!context.speechEnabled) return null;
    return { kind: 'speech', action: key === '+' ? 'louder' : 'quieter' };
  }
  return plain ? { kind: 'intent', intent: plain } : null;
}
