import type { BrowserWindowConstructorOptions, Session } from 'electron';

export interface KioskWindowSettings {
  preloadPath: string;
  session: Session;
  devTools: boolean;
  backgroundColor?: string;
}

/** The hardened kiosk window: fullscreen, no chrome, sandboxed renderer with an isolated preload. */
export function kioskWindowOptions(settings: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: settings.backgroundColor ?? '#0b2e59',
    webPreferences: {
      preload: settings.preloadPath,
      session: settings.session,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      experimentalFeatures: false,
      devTools: settings.devTools,
    },
  };
}

/** DevTools only in an unpackaged build and only when asked for with KIOSK_DEVTOOLS=1. */
export function devToolsAllowed(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !isPackaged && env.KIOSK_DEVTOOLS === '1';
}
