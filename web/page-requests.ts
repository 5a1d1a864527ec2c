import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../core/shell/security-headers';
import { isOwnHost } from './request-guard';

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Every plain HTTP request of the web shell: a foreign Host is answered 421 (no DNS rebinding),
 * the rest goes to `servePage`; if that fails unexpectedly the 500 carries the same security
 * headers as a 200.
 */
export function createPageRequestHandler(servePage: PageHandler, port: () => number) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (!isOwnHost(request.headers.host, port())) {
      response.writeHead(421, SECURITY_HEADERS).end();
      return;
    }
    servePage(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  };
}
