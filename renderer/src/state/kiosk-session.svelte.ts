import { getContext, setContext } from 'svelte';
import type { Intent, KioskApi, SessionView } from '../../../core/common/api';
import { localeFor, messagesFor } from '../i18n/i18n';
import { SpeechGuide } from './speech.svelte';

/** The UI's only state: the brain's latest view, plus the messages for its language. */
export class KioskSession {
  view = $state<SessionView | null>(null);
  t = $derived(messagesFor(this.view?.language ?? 'id'));
  locale = $derived(localeFor(this.view?.language ?? 'id'));
  readonly speech = new SpeechGuide();

  constructor(private readonly api: KioskApi) {
    api.subscribe((view) => (this.view = view));
  }

  send(intent: Intent): void {
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
