import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { assetAt, type StaticAsset } from '../core/common/static-asset';
import { SECURITY_HEADERS } from '../core/shell/security-headers';
import { requestPath } from './request-guard';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built renderer from `root`, and `assets` at their paths; never a file outside it.
 * Only GET and HEAD without a body reach it (`page-requests.ts` answers the rest).
 */
export function createStaticHandler(root: string, assets: readonly StaticAsset[] = []) {
  const base = resolve(root);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = requestPath(request.url);
    let pathname: string;
    try {
      if (path === null) throw new Error('not an origin-form target');
      pathname = decodeURIComponent(path);
    } catch {
      response.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const asset = assetAt(assets, pathname);
    if (asset) {
      respond(request, response, asset.contentType, asset.body);
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      respond(request, response, MIME[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      response
        .writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
        .end('not found');
    }
  };
}

function respond(
  request: IncomingMessage,
  response: ServerResponse,
  contentType: string,
  body: Uint8Array,
): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
