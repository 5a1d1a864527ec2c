import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UI_SECRET_FRAGMENT_KEY, type KioskApi } from '../core/common/api';
import type { StaticAsset } from '../core/common/static-asset';
import type { Logger } from '../core/log/logger';
import { ConnectionSlots } from './connection-slots';
import { KioskSocketBridge } from './kiosk-socket';
import { endWithStatus } from './raw-response';
import { createPageRequestHandler } from './page-requests';
import { createStaticHandler } from './static-files';
import { checkUiSecret, newUiSecret } from './ui-secret';

/**
 * Sockets the shell holds open at once besides the UI's WebSocket: a page needs a handful. The
 * next one closes the oldest (`ConnectionSlots`), so a program that opens hundreds holds no
 * memory and cannot keep the page's reconnect out.
 */
export const MAX_CONNECTIONS = 16;
/**
 * A request must have sent its headers by then, or it is answered 408 and closed (checked every
 * second). No request has a body the shell would read, so the whole request has the same bound.
 */
export const HEADERS_TIMEOUT_MS = 5_000;

export interface WebShellOptions {
  api: KioskApi;
  rendererDir: string;
  /** Served beside the renderer's files (the theme's logo). */
  assets?: readonly StaticAsset[];
  port: number;
  logger: Logger;
  /**
   * The UI secret: only a page that knows it is the UI. Default: 32 random bytes, base64url,
   * fresh per launch. Pass the same one to a restarted brain so an open page reconnects.
   */
  uiSecret?: string;
}

export interface WebShell {
  /** The page for the UI, with the secret in its fragment: `http://127.0.0.1:PORT/#ui=…`. */
  url: string;
  port: number;
  uiSecret: string;
  close(): Promise<void>;
}

/** Serves the renderer and the kiosk API on 127.0.0.1 only. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const uiSecret = checkUiSecret(options.uiSecret ?? newUiSecret());
  const serveStatic = createStaticHandler(options.rendererDir, options.assets);
  let port = options.port;
  const onRequest = createPageRequestHandler(serveStatic, () => port);
  // The Host check is ours (onRequest): Node's own answer to a missing Host has no security headers.
  const server: Server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
      requireHostHeader: false,
    },
    onRequest,
  );
  const slots = new ConnectionSlots(MAX_CONNECTIONS);
  server.on('connection', (socket) => slots.admit(socket));
  // `Expect:` requests get the same answer as any other, not Node's own 100 / 417.
  server.on('checkContinue', onRequest);
  server.on('checkExpectation', onRequest);
  // CONNECT is no request for this shell (Node would drop the socket without an answer).
  server.on('connect', (_request, socket) => {
    socket.on('error', () => socket.destroy());
    endWithStatus(socket, 405);
  });
  // A request Node cannot parse: a 4xx with the security headers, never a crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    endWithStatus(socket, status);
  });
  const bridge = new KioskSocketBridge({
    api: options.api,
    uiSecret,
    port: () => port,
    logger: options.logger,
    onUiSocket: (socket) => slots.exempt(socket),
  });
  server.on('upgrade', (request, socket, head) => bridge.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Never log the URL itself: its fragment is the secret.
  options.logger.info({ port }, 'web shell listening');
  return {
    url: `http://127.0.0.1:${port}/#${UI_SECRET_FRAGMENT_KEY}=${uiSecret}`,
    port,
    uiSecret,
    close: () =>
      new Promise<void>((resolve) => {
        bridge.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
