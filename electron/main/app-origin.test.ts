import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts pages of app://kiosk only', () => {
    expect(APP_ENTRY_URL).toBe('app://kiosk/index.html');
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk/screens/balance?x=1#y')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and garbage', () => {
    for (const url of [
      'https://kiosk/index.html',
      'file:///index.html',
      'app://kiosk.evil.com/index.html',
      'app://evil/index.html',
      'app://kiosk:8080/index.html',
      'app://user@evil/index.html',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
