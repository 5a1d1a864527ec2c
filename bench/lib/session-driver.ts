import type { KioskApi, Screen, SessionView } from '../../core/common/api';

const DEAD_ENDS: ReadonlySet<Screen> = new Set(['error', 'locked']);

/** Resolves with the first view on `screen` (the current one counts); rejects on an error screen. */
export function waitForScreen(
  api: KioskApi,
  screen: Screen,
  timeoutMs = 10_000,
): Promise<SessionView> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe: (() => void) | null = null;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no '${screen}' screen within ${timeoutMs} ms`))),
      timeoutMs,
    );
    unsubscribe = api.subscribe((view) => {
      if (view.screen === screen) finish(() => resolve(view));
      else if (DEAD_ENDS.has(view.screen) && !DEAD_ENDS.has(screen))
        finish(() =>
          reject(new Error(`waiting for '${screen}', got '${view.screen}' (${view.error?.code})`)),
        );
    });
    if (settled) unsubscribe();
  });
}

export interface Participant {
  kpj: string;
  /** DD-MM-YYYY, as typed. */
  birthDate: string;
}

/**
 * One complete session through the kiosk API: start, KPJ, birth date, balance, finish. Starts
 * from attract or thank-you (the brain accepts `start` on both).
 */
export async function runSession(api: KioskApi, who: Participant): Promise<void> {
  api.send({ type: 'start' });
  await waitForScreen(api, 'enterKpj');
  api.send({ type: 'submitKpj', kpj: who.kpj });
  await waitForScreen(api, 'enterBirthDate');
  api.send({ type: 'submitBirthDate', birthDate: who.birthDate });
  await waitForScreen(api, 'balance');
  api.send({ type: 'finish' });
  await waitForScreen(api, 'thankYou');
}
