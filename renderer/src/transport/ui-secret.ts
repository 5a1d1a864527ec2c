import { UI_SECRET_FRAGMENT_KEY } from '../../../core/common/api/channels';

const STORAGE_KEY = 'bpjs-kiosk.ui-secret';

/**
 * This launch's UI secret, which the web shell put in the page URL's fragment (`#ui=…`). Read
 * once, kept in sessionStorage (it survives a reload of this tab, nothing else), and taken out of
 * the address bar. Null when the page was opened without it: the shell will refuse the socket.
 */
export function takeUiSecret(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get(UI_SECRET_FRAGMENT_KEY);
  if (fromFragment) {
    storage.setItem(STORAGE_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(STORAGE_KEY);
}
