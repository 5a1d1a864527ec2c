import { UI_SECRET_PROTOCOL_PREFIX, WS_PROTOCOL } from '../core/common/api/channels';
import { uiSecretMatches } from './ui-secret';

/**
 * The path of an origin-form request target (`/index.html?x`), or null for anything else
 * (absolute-form `http://[::1`, `*`, `//host/x`, an empty target). Never throws.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://kiosk.invalid').pathname;
  } catch {
    return null;
  }
}

/** The two names the page is served under; `localhost` and `127.0.0.1` alike, nothing else. */
function ownAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header names this shell exactly (a rebound DNS name does not). */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && ownAuthorities(port).includes(host);
}

/** The Origin header is a page this shell served. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && ownAuthorities(port).some((name) => origin === `http://${name}`);
}

/**
 * The handshake offers the kiosk subprotocol and, as `bpjs-ui.<secret>`, this launch's UI secret.
 * Every offered secret is compared (in constant time), so the answer's timing tells nothing.
 */
export function offersUiSecret(protocolHeader: string | undefined, uiSecret: string): boolean {
  const offered = (protocolHeader ?? '').split(',').map((name) => name.trim());
  let secretSeen = false;
  for (const name of offered) {
    if (!name.startsWith(UI_SECRET_PROTOCOL_PREFIX)) continue;
    if (uiSecretMatches(uiSecret, name.slice(UI_SECRET_PROTOCOL_PREFIX.length))) secretSeen = true;
  }
  return secretSeen && offered.includes(WS_PROTOCOL);
}
