import type { Intent, Language, Screen } from '../../core/common/api';

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

/** What the UI does with voice guidance, which lives in the UI (the platform's speech synthesis). */
export type SpeechAction = 'on' | 'repeat' | 'louder' | 'quieter';

export type KeyAction =
  { kind: 'intent'; intent: Intent } | { kind: 'speech'; action: SpeechAction };

export interface KeyContext {
  screen: Screen;
  language: Language;
  speechAvailable: boolean;
  speechEnabled: boolean;
}

const TECHNICIAN_SCREENS: ReadonlySet<Screen> = new Set(['technicianPin', 'technician']);

/**
 * The 12-key keypad (digits, `*`, `#`) plus Enter / Clear / Cancel reaches every participant
 * function. One rule: the session flow is the brain's, so digits and Enter / Clear / Cancel go
 * to it as intents, and so does `*` (switch language, at any step: the brain keeps what was
 * typed). Voice guidance belongs to the UI, so its keys stay here: `#` turns it on, or repeats
 * the current prompt when it is on (on the start screen `3` does the same, next to 1 / 2 for the
 * languages), `+` / `-` change the volume while it is on. Technician screens get plain keys only.
 */
export function actionForKey(key: string, context: KeyContext): KeyAction | null {
  const plain = intentForKey(key);
  if (TECHNICIAN_SCREENS.has(context.screen))
    return plain ? { kind: 'intent', intent: plain } : null;
  if (key === '*') {
    const language: Language = context.language === 'id' ? 'en' : 'id';
    return { kind: 'intent', intent: { type: 'chooseLanguage', language } };
  }
  if (key === '#' || (key === '3' && context.screen === 'attract')) {
    if (!context.speechAvailable) return null;
    return { kind: 'speech', action: context.speechEnabled ? 'repeat' : 'on' };
  }
  if (key === '+' || key === '-') {
    if (!context.speechEnabled) return null;
    return { kind: 'speech', action: key === '+' ? 'louder' : 'quieter' };
  }
  return plain ? { kind: 'intent', intent: plain } : null;
}
