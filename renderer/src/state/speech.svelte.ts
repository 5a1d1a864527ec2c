import type { Language } from '../../../core/common/api';

/**
 * Voice guidance with the platform's speech synthesis (Web Speech API). Off by default; a person
 * turns it on from the start screen; it turns itself off when the session ends.
 */
export class SpeechGuide {
  enabled = $state(false);
  volume = $state(0.8);
  lastText = $state('');
  readonly available = typeof window !== 'undefined' && 'speechSynthesis' in window;

  speak(text: string, language: Language): void {
    this.lastText = text;
    if (!this.enabled || !this.available || !text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language === 'en' ? 'en-US' : 'id-ID';
    utterance.volume = this.volume;
    utterance.rate = 0.95;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  repeat(language: Language): void {
    this.speak(this.lastText, language);
  }

  changeVolume(delta: number): void {
    this.volume = Math.min(1, Math.max(0.2, Math.round((this.volume + delta) * 10) / 10));
  }

  turnOff(): void {
    this.enabled = false;
    if (this.available) window.speechSynthesis.cancel();
  }
}
