import { BrowserWindow } from 'electron';
import type { Logger } from '../../core/log/logger';
import { APP_ENTRY_URL } from './app-origin';
import { kioskWindowOptions, type KioskWindowSettings } from './window-options';

/**
 * Opens the kiosk window on `app://kiosk/index.html`, shows it once painted, and brings the page
 * back when its renderer process dies (crash, OOM, killed).
 */
export function createKioskWindow(settings: KioskWindowSettings, logger: Logger): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(settings));
  window.once('ready-to-show', () => {
    window.show();
    if (settings.devTools) window.webContents.openDevTools({ mode: 'detach' });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error({ reason: details.reason }, 'renderer process gone; reloading');
    if (!window.isDestroyed()) window.webContents.reload();
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    logger.error({ err: (error as Error).message }, 'kiosk page failed to load');
  });
  return window;
}
