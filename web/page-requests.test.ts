import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../core/shell/security-headers';
import { createPageRequestHandler } from './page-requests';

describe('web shell page requests', () => {
  let server: Server | null = null;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  async function serve(handler: Parameters<typeof createPageRequestHandler>[0]): Promise<number> {
    let port = 0;
    server = createServer(createPageRequestHandler(handler, () => port));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    port = (server!.address() as AddressInfo).port;
    return port;
  }

  it('answers a page that fails unexpectedly with a 500 carrying the security headers of a 200', async () => {
    const port = await serve(() => Promise.reject(new Error('disk gone')));
    const response = await fetch(`http://127.0.0.1:${port}/index.html`);
    expect(response.status).toBe(500);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name)).toBe(value);
  });
});
