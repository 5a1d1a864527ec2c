import type { SessionView } from '../../../core/common/api';
import { spokenPrintOption, spokenText } from '../components/spoken-text';
import type { Messages } from '../i18n/i18n';

/** What voice guidance remembers between two views. */
export interface VoiceMemory {
  /** Screen, error, language and idle warning last spoken for. */
  key: string;
  on: boolean;
  repeats: number;
  entryLength: number;
  /** Whether a receipt can be printed, as last known. */
  printer: string;
}

export const SILENT: VoiceMemory = { key: '', on: false, repeats: 0, entryLength: 0, printer: '' };

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
 * language, idle warning or history page (its loading and failure too), and on every "repeat";
 * while typing, only how many digits there are (never the digits themselves); on the balance,
 * a printer that runs out or comes back; nothing while it is off.
 */
export function nextUtterance(
  memory: VoiceMemory,
  view: SessionView,
  t: Messages,
): [VoiceMemory, Utterance] {
  const key = `${view.screen}|${view.error?.code ?? ''}|${view.error?.attemptsLeft ?? ''}|${view.language}|${view.idle.warning}|${historyKey(view)}`;
  // The card PIN is counted like an entry; its digits never reach this process.
  const entryLength = view.entry?.length ?? view.pin?.digits ?? 0;
  const printer = printable(view);
  const next: VoiceMemory = {
    key,
    on: view.voice.on,
    repeats: view.voice.repeat,
    entryLength,
    printer,
  };
  if (!view.voice.on) return [next, memory.on ? { kind: 'off' } : { kind: 'none' }];
  if (!memory.on || view.voice.repeat !== memory.repeats)
    return [next, { kind: 'start', text: spokenText(t, view) }];
  if (key !== memory.key) {
    const text = spokenText(t, view);
    return [next, view.screen === 'thankYou' ? { kind: 'sayLast', text } : { kind: 'say', text }];
  }
  if (view.entry && entryLength !== memory.entryLength)
    return [next, { kind: 'say', text: t.digitsOf(entryLength, view.entry.maxLength) }];
  if (view.pin && entryLength !== memory.entryLength)
    return [next, { kind: 'say', text: t.pinDigits(entryLength) }];
  // The printer ran out (or came back) while the balance is shown: say what that changes.
  if (view.screen === 'balance' && printer !== memory.printer)
    return [next, { kind: 'say', text: spokenPrintOption(t, view) }];
  return [next, { kind: 'none' }];
}

/** A new history page, the loading, or its failure is a new prompt. */
function historyKey(view: SessionView): string {
  const history = view.history;
  return history ? `${history.page.number}:${history.loading}:${history.failed}` : '';
}

/**
 * The brain went away under a view: with voice guidance on, say so (cutting off whatever was being
 * said about the last person), then silence. Memory starts over, so the next brain's view that
 * has voice guidance on says its whole prompt.
 */
export function lostConnectionUtterance(
  memory: VoiceMemory,
  t: Messages,
): [VoiceMemory, Utterance] {
  if (!memory.on) return [SILENT, { kind: 'none' }];
  return [SILENT, { kind: 'sayLast', text: `${t.connectionLostTitle}. ${t.connectionLostBody}` }];
}

/** Printing possible or not (and why), as the brain's view says. */
function printable(view: SessionView): string {
  return `${view.print.canPrint}:${view.print.reason ?? ''}`;
}
