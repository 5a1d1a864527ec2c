import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin';
import { SECURITY_HEADERS } from '../../core/shell/security-headers';
import { assetAt, type StaticAsset } from '../../core/common/static-asset';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves the built renderer in `rootDir`, and `assets` at their paths, for `app://kiosk/...`
 * requests. Never a file outside the folder (`..`, encoded `..`, symlinks out); every response
 * carries the CSP.
 */
export function createAppFileHandler(
  rootDir: string,
  assets: readonly StaticAsset[] = [],
): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  const realRoot = realpath(root).catch(() => root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(request.url);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.host !== APP_HOST || pathname.includes('\0')) return plain(404, 'not found');
    const asset = assetAt(assets, pathname);
    if (asset) return file200(request, asset.contentType, asset.body);
    if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(root, pathname));
    if (!isInside(root, file)) return plain(403, 'forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return plain(404, 'not found');
      if (!isInside(await realRoot, await realpath(file))) return plain(403, 'forbidden');
      return file200(request, mimeTypeOf(file), await readFile(file));
    } catch {
      return plain(404, 'not found');
    }
  };
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep);
}

function file200(request: Request, contentType: string, body: Uint8Array): Response {
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': contentType,
      'Content-Length': String(body.length),
    },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
