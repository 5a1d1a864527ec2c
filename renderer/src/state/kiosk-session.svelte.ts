import { getContext, setContext } from 'svelte';
import type { EntryView, Intent, KioskApi, Language, SessionView } from '../../../core/common/api';
import { localeFor, messagesFor } from '../i18n/i18n';
import { echoEntry } from './entry-echo';
import { SpeechGuide } from './speech.svelte';

/** How long a foreseen keypad key is shown when the brain sends no view for it (it ignored it). */
const ECHO_MS = 300;

/** The UI's only state: the brain's latest view, plus the messages for its language. */
export class KioskSession {
  view = $state<SessionView | null>(null);
  /** The brain went away under a view: said on screen, in the language it was in, until a view comes. */
  connectionLost = $state<{ language: Language } | null>(null);
  /** The language on screen: the view's, or the last one while the brain is away. */
  language = $derived(this.view?.language ?? this.connectionLost?.language ?? 'id');
  t = $derived(messagesFor(this.language));
  locale = $derived(localeFor(this.language));
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
    api.subscribe((view) => {
      this.view = view;
      this.connectionLost = null;
    });
    // The brain is gone (it may come back as a new one): nothing of the last person stays on
    // screen while the page waits for it (what the speaker says then is voice-script.ts's call).
    api.onConnectionLost?.(() => {
      this.connectionLost = { language: this.view?.language ?? 'id' };
      this.view = null;
      this.echo = null;
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
