import type { Language } from '../../../core/common/api';

/** What the UI needs of a `SpeechSynthesisVoice`. */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
}

/** Language tags in the order a voice is preferred (`in` is the old code for Indonesian). */
const PREFERRED: Record<Language, string[]> = {
  id: ['id-id', 'in-id', 'id', 'in'],
  en: ['en-id', 'en-gb', 'en-us', 'en'],
};

const tag = (lang: string) => lang.toLowerCase().replace('_', '-');

/**
 * The voice to speak a language with: first one that runs on the machine (a kiosk is often
 * offline, and network voices then stay silent), then the closest variant of the language. Null
 * when the platform has no voice for the language: the platform's default is then used.
 */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], language: Language): V | null {
  let best: V | null = null;
  let bestScore = Infinity;
  for (const voice of voices) {
    const lang = tag(voice.lang);
    const rank = PREFERRED[language].findIndex((want) =>
      want.includes('-') ? lang === want : lang === want || lang.startsWith(`${want}-`),
    );
    if (rank < 0) continue;
    const score = (voice.localService ? 0 : PREFERRED[language].length) + rank;
    if (score < bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
