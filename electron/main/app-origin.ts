/** The renderer's one and only origin: `app://kiosk`, served by our protocol handler. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` belongs to the app origin. Compares scheme and host, not `URL.origin`:
 * Node's WHATWG URL reports the origin of a non-special scheme like `app:` as "null".
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
