import type { Language } from '../../../core/common/api';
import { pickVoice } from './pick-voice';

/**
 * Voice guidance with the platform's speech synthesis (Web Speech API). Off by default; a person
 * turns it on from the start screen (touch, `3` or `#`); it turns itself off when the session ends.
 */
export class SpeechGuide {
  enabled = $state(false);
  volume = $state(0.8);
  readonly available = typeof window !== 'undefined' && 'speechSynthesis' in window;

  speak(text: string, language: Language): void {
    if (!this.enabled || !this.available || !text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language === 'en' ? 'en-US' : 'id-ID';
    const voice = pickVoice(window.speechSynthesis.getVoices(), language);
    if (voice) {
      utterance.voice = voice;
      utterance.lang = voice.lang;
    }
    utterance.volume = this.volume;
    utterance.rate = 0.95;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  turnOn(text: string, language: Language): void {
    this.enabled = true;
    this.speak(text, language);
  }

  /** The session's last words (thank you, take your card): spoken to the end, then off. */
  speakLast(text: string, language: Language): void {
    this.speak(text, language);
    this.enabled = false;
  }

  changeVolume(delta: number): void {
    this.volume = Math.min(1, Math.max(0.2, Math.round((this.volume + delta) * 10) / 10));
  }

  /** Off, cutting short what is being said (when it was on: the last words are left alone). */
  turnOff(): void {
    if (this.enabled && this.available) window.speechSynthesis.cancel();
    this.enabled = false;
  }
}
