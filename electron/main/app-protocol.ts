import { protocol, type Protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createAppFileHandler } from './app-files';
import type { StaticAsset } from '../../core/common/static-asset';

/**
 * Must run before the app is ready. `standard` gives `app://kiosk` a real origin (relative
 * URLs, same-origin rules); `secure` makes it a secure context. No fetch, CORS, service-worker
 * or CSP-bypass rights: the renderer needs none.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** After ready: serve the built renderer folder (and `assets`) on `app://kiosk/` in the session. */
export function serveAppProtocol(
  sessionProtocol: Protocol,
  rendererDir: string,
  assets: readonly StaticAsset[],
): void {
  sessionProtocol.handle(APP_SCHEME, createAppFileHandler(rendererDir, assets));
}
