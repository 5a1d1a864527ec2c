import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../core/shell/security-headers';
import { isOwnHost } from './request-guard';

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Every plain HTTP request of the web shell: a foreign Host is answered 421 (no DNS rebinding);
 * the shell serves only GET/HEAD of its files, so any other method is a 405 and a request with
 * a body a 413. Those answers close the socket at once: a body is never waited for, so a slowly
 * sent one holds no connection. The rest goes to `servePage`; if that fails unexpectedly the 500
 * carries the same security headers as a 200.
 */
export function createPageRequestHandler(servePage: PageHandler, port: () => number) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const refusal = refusalOf(request, port());
    if (refusal !== null) {
      // With `Connection: close` Node destroys the socket once the answer is out.
      response.writeHead(refusal, { ...SECURITY_HEADERS, Connection: 'close' }).end();
      return;
    }
    servePage(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  };
}

function refusalOf(request: IncomingMessage, port: number): 421 | 405 | 413 | null {
  if (!isOwnHost(request.headers.host, port)) return 421;
  if (request.method !== 'GET' && request.method !== 'HEAD') return 405;
  if (hasBody(request)) return 413;
  return null;
}

function hasBody(request: IncomingMessage): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0
  );
}
