import type { SessionView } from '../../../core/common/api';
import { spokenText } from '../components/spoken-text';
import type { Messages } from '../i18n/i18n';

/** What voice guidance remembers between two views. */
export interface VoiceMemory {
  /** Screen, error, language and idle warning last spoken for. */
  key: string;
  on: boolean;
  repeats: number;
  entryLength: number;
}

export const SILENT: VoiceMemory = { key: '', on: false, repeats: 0, entryLength: 0 };

export type Utterance =
  | { kind: 'none' }
  /** Voice guidance was turned off: stop talking. */
  | { kind: 'off' }
  /** Turned on, or asked to repeat: say the whole prompt. */
  | { kind: 'start'; text: string }
  | { kind: 'say'; text: string }
  /** The session's last words (thank you): said to the end, then silence. */
  | { kind: 'sayLast'; text: string };

/**
 * Decides what voice guidance says for a new view: the whole prompt for each new screen, error,
 * language or idle warning, and on every "repeat"; while typing, only how many digits there
 * are (never the digits themselves); nothing while it is off.
 */
export function nextUtterance(
  memory: VoiceMemory,
  view: SessionView,
  t: Messages,
): [VoiceMemory, Utterance] {
  const key = `${view.screen}|${view.error?.code ?? ''}|${view.error?.attemptsLeft ?? ''}|${view.language}|${view.idle.warning}`;
  const entryLength = view.entry?.length ?? 0;
  const next: VoiceMemory = { key, on: view.voice.on, repeats: view.voice.repeat, entryLength };
  if (!view.voice.on) return [next, memory.on ? { kind: 'off' } : { kind: 'none' }];
  if (!memory.on || view.voice.repeat !== memory.repeats)
    return [next, { kind: 'start', text: spokenText(t, view) }];
  if (key !== memory.key) {
    const text = spokenText(t, view);
    return [next, view.screen === 'thankYou' ? { kind: 'sayLast', text } : { kind: 'say', text }];
  }
  if (view.entry && entryLength !== memory.entryLength)
    return [next, { kind: 'say', text: t.digitsOf(entryLength, view.entry.maxLength) }];
  return [next, { kind: 'none' }];
}
