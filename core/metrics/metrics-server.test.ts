import { request as httpsRequest } from 'node:https';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type IssuedCertificate, type TestCa } from '../host/test-ca.test-helper';
import { silentLogger } from '../log/logger';
import { KioskMetrics } from './kiosk-metrics';
import { startMetricsServer, type MetricsServer, type MetricsServerAuth } from './metrics-server';

const TOKEN = 'f3b1c0ffee0ddba11dec0de5eed5a1ad';

const servers: MetricsServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(auth: MetricsServerAuth = {}): Promise<MetricsServer> {
  const metrics = new KioskMetrics({
    terminalId: 'KSK-SRV-01',
    version: '0.1.0',
    profile: 'kiosk',
  });
  const server = await startMetricsServer({
    host: '127.0.0.1',
    port: 0,
    auth,
    metrics,
    logger: silentLogger(),
  });
  servers.push(server);
  return server;
}

const get = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });

describe('the metrics endpoint over HTTP', () => {
  it('answers GET /metrics with the exposition text, on the port it was given (0: any free)', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);
    const response = await get(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('bpjs_kiosk_build_info{version="0.1.0"');
  });

  it('answers 404 to any other path or method', async () => {
    const server = await serve();
    const base = server.url.replace('/metrics', '');
    expect((await get(`${base}/`)).status).toBe(404);
    expect((await get(`${base}/metrics/x`)).status).toBe(404);
    expect((await get(server.url, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await get(`${server.url}?name[]=up`)).status).toBe(200);
  });

  it('with a bearer token: 401 without it or with another, 200 with it', async () => {
    const server = await serve({ bearerToken: TOKEN });
    const noToken = await get(server.url);
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer');
    expect(await noToken.text()).not.toContain('bpjs_kiosk');
    const wrong = await get(server.url, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await get(server.url, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    const right = await get(server.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('bpjs_kiosk_uptime_seconds');
  });

  it('a port in use is an error at start, not a kiosk without metrics', async () => {
    const first = await serve();
    await expect(
      startMetricsServer({
        host: '127.0.0.1',
        port: first.port,
        auth: {},
        metrics: { text: async () => '', contentType: 'text/plain' },
        logger: silentLogger(),
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('the metrics endpoint with mutual TLS', () => {
  let ca: TestCa;
  let serverCert: IssuedCertificate;
  let prometheus: IssuedCertificate;
  let stranger: IssuedCertificate;
  beforeAll(async () => {
    ca = await createTestCa('Ops Monitoring CA');
    serverCert = await ca.issue('server', '127.0.0.1');
    prometheus = await ca.issue('client', 'prometheus');
    stranger = await (await createTestCa('Someone Else')).issue('client', 'prometheus');
  });

  /** GET over HTTPS trusting the test CA, with `client` as the client certificate (or none). */
  function scrape(url: string, client?: IssuedCertificate): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = httpsRequest(
        url,
        { ca: ca.cert, ...(client ?? {}), timeout: 5_000 },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.end();
    });
  }

  it('serves only a client whose certificate the configured CA signed', async () => {
    const server = await serve({
      tls: { cert: serverCert.cert, key: serverCert.key, ca: [ca.cert] },
    });
    expect(server.url).toBe(`https://127.0.0.1:${server.port}/metrics`);
    expect(await scrape(server.url, prometheus)).toBe(200);
    await expect(scrape(server.url)).rejects.toThrow();
    await expect(scrape(server.url, stranger)).rejects.toThrow();
  });

  it('with a token as well, both are needed', async () => {
    const server = await serve({
      bearerToken: TOKEN,
      tls: { cert: serverCert.cert, key: serverCert.key, ca: [ca.cert] },
    });
    expect(await scrape(server.url, prometheus)).toBe(401);
  });
});
