import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KioskApi } from '../core/common/api';
import type { Logger } from '../core/log/logger';
import { KioskSocketBridge } from './kiosk-socket';
import { createStaticHandler } from './static-files';

export interface WebShellOptions {
  api: KioskApi;
  rendererDir: string;
  port: number;
  logger: Logger;
}

export interface WebShell {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the renderer and the kiosk API on 127.0.0.1 only. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const serveStatic = createStaticHandler(options.rendererDir);
  const server: Server = createServer((request, response) => {
    serveStatic(request, response).catch(() => response.writeHead(500).end());
  });
  let port = options.port;
  const bridge = new KioskSocketBridge(
    options.api,
    () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    options.logger,
  );
  server.on('upgrade', (request, socket, head) => bridge.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  options.logger.info({ url }, 'web shell listening');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        bridge.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
