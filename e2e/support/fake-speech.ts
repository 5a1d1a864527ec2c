import type { Page } from '@playwright/test';

/** One call on the fake `speechSynthesis`, in order: what was said (and how), or a cancel. */
export type SpeechCall =
  | { call: 'speak'; text: string; lang: string; volume: number; voice: string | null }
  | { call: 'cancel' };

/** A voice the fake platform offers (as `speechSynthesis.getVoices()` lists them). */
export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
}

declare global {
  interface Window {
    __speechCalls?: SpeechCall[];
  }
}

/**
 * Headless Chromium has no voices, so the page gets a recording `speechSynthesis` and
 * `SpeechSynthesisUtterance` before any of its scripts run (the UI checks for speech synthesis
 * when it starts). Call before the first navigation.
 */
export async function installFakeSpeech(page: Page, voices: FakeVoice[] = []): Promise<void> {
  await page.addInitScript((voices: FakeVoice[]) => {
    const calls: SpeechCall[] = [];
    window.__speechCalls = calls;
    class FakeUtterance {
      text: string;
      lang = '';
      volume = 1;
      rate = 1;
      pitch = 1;
      voice: FakeVoice | null = null;
      constructor(text = '') {
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      speak: (u: FakeUtterance) =>
        calls.push({
          call: 'speak',
          text: u.text,
          lang: u.lang,
          volume: u.volume,
          voice: u.voice?.name ?? null,
        }),
      cancel: () => calls.push({ call: 'cancel' }),
      pause: () => {},
      resume: () => {},
      getVoices: () => voices,
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => true,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: FakeUtterance,
      configurable: true,
      writable: true,
    });
  }, voices);
}

export async function speechCalls(page: Page): Promise<SpeechCall[]> {
  return page.evaluate(() => window.__speechCalls ?? []);
}

/** Only what was said, in order. */
export async function utterances(
  page: Page,
): Promise<Array<{ text: string; lang: string; volume: number }>> {
  const calls = await speechCalls(page);
  return calls.flatMap((c) =>
    c.call === 'speak' ? [{ text: c.text, lang: c.lang, volume: c.volume }] : [],
  );
}
