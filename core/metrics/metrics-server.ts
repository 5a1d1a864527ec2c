import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the endpoint checks; PEM text and the token itself (core/config/metrics-auth.ts reads them). */
export interface MetricsServerAuth {
  bearerToken?: string;
  /** Mutual TLS: only a client certificate signed by `ca` gets a connection at all. */
  tls?: { cert: string; key: string; ca: string[] };
}

export interface MetricsServerOptions {
  host: string;
  port: number;
  auth: MetricsServerAuth;
  metrics: { text(): Promise<string>; readonly contentType: string };
  logger: {
    info(fields: object, message: string): void;
    warn(fields: object, message: string): void;
  };
}

export interface MetricsServer {
  /** e.g. `https://10.0.0.5:9464/metrics`; the port is the bound one (config port 0: any free). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The metrics endpoint: its own small server, apart from the web shell's, so it can listen where
 * Prometheus reaches it while the UI stays on loopback. GET /metrics and nothing else (404); a
 * bearer token, when configured, is checked in constant time (401 without it).
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { auth } = options;
  const handler = (request: IncomingMessage, response: ServerResponse) =>
    void answer(request, response, options).catch((error: unknown) => {
      options.logger.warn({ err: (error as Error).message }, 'metrics scrape failed');
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  const server = auth.tls
    ? createHttpsServer(
        {
          cert: auth.tls.cert,
          key: auth.tls.key,
          ca: auth.tls.ca,
          requestCert: true,
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
        },
        handler,
      )
    : createHttpServer(handler);
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `${auth.tls ? 'https' : 'http'}://${host}:${port}/metrics`;
  options.logger.info(
    { url, bearerToken: Boolean(auth.bearerToken), mutualTls: Boolean(auth.tls) },
    'metrics endpoint listening',
  );
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Prometheus keeps its connection open between scrapes.
        server.closeAllConnections();
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  { auth, metrics }: MetricsServerOptions,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://kiosk').pathname;
  if (request.method !== 'GET' || path !== '/metrics') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    return;
  }
  if (auth.bearerToken !== undefined && !bearerMatches(auth.bearerToken, request)) {
    response
      .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
      .end('unauthorized\n');
    return;
  }
  const text = await metrics.text();
  response
    .writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' })
    .end(text);
}

function bearerMatches(expected: string, request: IncomingMessage): boolean {
  const offered = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (offered === undefined) return false;
  // Both hashed first, so the comparison takes as long whatever the lengths.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(offered));
}
