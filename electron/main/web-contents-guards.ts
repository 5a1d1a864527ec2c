import type { WebContents } from 'electron';
import type { Logger } from '../../core/log/logger';
import { isAppUrl } from './app-origin';
import { isEscapeShortcut } from './kiosk-shortcuts';

/**
 * Applied to every WebContents the app ever creates: the page may not leave the app origin,
 * open windows, attach webviews, or receive the shortcuts that escape the kiosk.
 */
export function guardWebContents(contents: WebContents, logger: Logger): void {
  const refuse = (what: string) => (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn({ what }, 'navigation away from the app blocked');
  };
  contents.on('will-navigate', refuse('navigate'));
  contents.on('will-frame-navigate', refuse('frame-navigate'));
  contents.on('will-redirect', refuse('redirect'));
  contents.setWindowOpenHandler(() => {
    logger.warn('window.open blocked');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview attach blocked');
  });
  contents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && isEscapeShortcut(input)) event.preventDefault();
  });
}
