/**
 * A short tone for each PIN digit (the ATM profile's `atm.keyTones`), played by Web Audio so no
 * sound file is served. One context for the page, made on the first tone.
 */
let context: AudioContext | null = null;

export function playKeyTone(): void {
  const Audio = globalThis.AudioContext;
  if (!Audio) return;
  context ??= new Audio();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 1_000;
  gain.gain.value = 0.2;
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.08);
}
