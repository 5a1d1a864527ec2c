import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { devToolsAllowed, kioskWindowOptions } from './window-options';

const session = { id: 'kiosk-session' } as unknown as Session;

describe('kioskWindowOptions', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/preload.cjs', session, devTools: false });

  it('is a fullscreen kiosk window without a menu bar, shown only when painted', () => {
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      show: false,
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('sandboxes the renderer and isolates the preload', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      session,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });
});

describe('devToolsAllowed', () => {
  it('only in an unpackaged app with KIOSK_DEVTOOLS=1', () => {
    expect(devToolsAllowed(false, { KIOSK_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(true, { KIOSK_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { KIOSK_DEVTOOLS: 'true' })).toBe(false);
  });
});
