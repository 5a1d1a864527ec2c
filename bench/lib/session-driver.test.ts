import { describe, expect, it } from 'vitest';
import type { KioskApi, SessionView } from '../../core/common/api';
import { waitForScreen } from './session-driver';

/** A kiosk API whose views the test pushes by hand. */
function scriptedApi(first: Partial<SessionView>) {
  const listeners = new Set<(view: SessionView) => void>();
  let current = first as SessionView;
  const api: KioskApi = {
    send: () => {},
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
  };
  const show = (view: Partial<SessionView>) => {
    current = view as SessionView;
    for (const listener of listeners) listener(current);
  };
  return { api, show, listenerCount: () => listeners.size };
}

describe('waitForScreen', () => {
  it('resolves at once when the current view is already on that screen, and unsubscribes', async () => {
    const kiosk = scriptedApi({ screen: 'attract' });
    await expect(waitForScreen(kiosk.api, 'attract')).resolves.toMatchObject({ screen: 'attract' });
    expect(kiosk.listenerCount()).toBe(0);
  });

  it('resolves with the first later view on that screen', async () => {
    const kiosk = scriptedApi({ screen: 'enterBirthDate' });
    const waiting = waitForScreen(kiosk.api, 'balance');
    kiosk.show({ screen: 'loading' });
    kiosk.show({ screen: 'balance' });
    await expect(waiting).resolves.toMatchObject({ screen: 'balance' });
    expect(kiosk.listenerCount()).toBe(0);
  });

  it('rejects, naming the error, when the flow ends on an error screen instead', async () => {
    const kiosk = scriptedApi({ screen: 'loading' });
    const waiting = waitForScreen(kiosk.api, 'balance');
    kiosk.show({ screen: 'error', error: { code: 'hostUnavailable' } });
    await expect(waiting).rejects.toThrow(/got 'error' \(hostUnavailable\)/);
  });

  it('rejects when the screen does not come in time', async () => {
    const kiosk = scriptedApi({ screen: 'loading' });
    await expect(waitForScreen(kiosk.api, 'balance', 20)).rejects.toThrow(/no 'balance' screen/);
    expect(kiosk.listenerCount()).toBe(0);
  });
});
