import type { KioskApi, Screen, SessionView } from '../common/api';

/** The next view the kiosk publishes on `screen` (or the current one, if it is there now). */
export function nextView(api: KioskApi, screen: Screen): Promise<SessionView> {
  return new Promise((resolve) => {
    let done = false;
    let off: (() => void) | null = null;
    off = api.subscribe((view) => {
      if (view.screen !== screen || done) return;
      done = true;
      off?.();
      resolve(view);
    });
    if (done) off();
  });
}
