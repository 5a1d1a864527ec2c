import { getContext, setContext } from 'svelte';
import type { EntryView, Intent, KioskApi, SessionView } from '../../../core/common/api';
import { localeFor, messagesFor } from '../i18n/i18n';
import { echoEntry } from './entry-echo';
import { SpeechGuide } from './speech.svelte';

/** How long a foreseen keypad key is shown when the brain sends no view for it (it ignored it). */
const ECHO_MS = 300;

/** The UI's only state: the brain's latest view, plus the messages for its language. */
export class KioskSession {
  view = $state<SessionView | null>(null);
  t = $derived(messagesFor(this.view?.language ?? 'id'));
  locale = $derived(localeFor(this.view?.language ?? 'id'));
  readonly speech = new SpeechGuide();
  /** A keypad key shown before the brain's view confirms it; dropped by any newer view. */
  private echo = $state<{ entry: EntryView; seq: number } | null>(null);
  private echoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The entry field to show: the brain's, or what it will be once it has taken the last key. */
  entry = $derived(
    this.echo && this.view && this.echo.seq === this.view.seq
      ? this.echo.entry
      : (this.view?.entry ?? null),
  );

  constructor(private readonly api: KioskApi) {
    api.subscribe((view) => (this.view = view));
    // The brain is gone (it may come back as a new one): nothing of the last person stays on
    // screen or in the speaker while the page waits for it.
    api.onConnectionLost?.(() => {
      this.view = null;
      this.echo = null;
      this.speech.turnOff();
    });
  }

  send(intent: Intent): void {
    const foreseen = this.entry && this.view ? echoEntry(this.entry, intent) : null;
    if (foreseen && this.view) {
      this.echo = { entry: foreseen, seq: this.view.seq };
      clearTimeout(this.echoTimer);
      this.echoTimer = setTimeout(() => (this.echo = null), ECHO_MS);
    }
    this.api.send(intent);
  }
}

const KEY = Symbol('kiosk-session');

export function provideSession(session: KioskSession): void {
  setContext(KEY, session);
}

export function useSession(): KioskSession {
  return getContext<KioskSession>(KEY);
}
