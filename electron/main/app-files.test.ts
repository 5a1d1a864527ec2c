import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFileHandler } from './app-files';
import { CONTENT_SECURITY_POLICY } from '../../core/shell/security-headers';

let base: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-app-files-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  serve = createAppFileHandler(renderer, [
    { path: '/theme/logo.png', contentType: 'image/png', body: Buffer.from('png bytes') },
  ]);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// file handler', () => {
  it('serves index.html with the strict CSP and an HTML MIME type', async () => {
    const response = await get('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("serves the theme's logo from memory with the same CSP", async () => {
    const response = await get('app://kiosk/theme/logo.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('png bytes');
  });

  it('serves the root as index.html', async () => {
    expect(await (await get('app://kiosk/')).text()).toContain('<title>kiosk</title>');
  });

  it('gives scripts and styles their MIME types', async () => {
    expect((await get('app://kiosk/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://kiosk/assets/app.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('answers 404 with the CSP for a missing file or a folder', async () => {
    for (const url of ['app://kiosk/nope.js', 'app://kiosk/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://kiosk/../secret.txt',
      'app://kiosk/%2e%2e/secret.txt',
      'app://kiosk/assets/..%2f..%2fsecret.txt',
      'app://kiosk/..%5csecret.txt',
      'app://kiosk/assets/link.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
  });

  it('serves only the kiosk host and only GET / HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 400 to a malformed escape instead of throwing', async () => {
    expect((await get('app://kiosk/%E0%A4%A.js')).status).toBe(400);
  });
});
