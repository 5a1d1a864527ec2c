import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/load-config';
import { HostError } from './host-client';
import { readHostTls } from './host-tls';
import { HttpHostClient } from './http-host-client';
import { createTestCa, type IssuedCertificate, type TestCa } from './test-ca.test-helper';

let bankCa: TestCa;
let otherCa: TestCa;
let gateway: IssuedCertificate;
let kiosk: IssuedCertificate;
let dir: string;
let server: Server | null = null;

beforeAll(async () => {
  bankCa = await createTestCa('Bank Gateway Test CA');
  otherCa = await createTestCa('Somebody Else CA');
  gateway = await bankCa.issue('server', '127.0.0.1');
  kiosk = await bankCa.issue('client', 'KSK-JKT-01');
  dir = mkdtempSync(join(tmpdir(), 'host-tls-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** A gateway on 127.0.0.1 answering /v1/health; with `requestCert` it demands a client certificate. */
async function httpsHost(options: ServerOptions = {}): Promise<string> {
  server = createServer(
    { key: gateway.key, cert: gateway.cert, ...options },
    (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', time: new Date().toISOString() }));
    },
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const demandsClientCert = () =>
  ({ requestCert: true, rejectUnauthorized: true, ca: [bankCa.cert] }) satisfies ServerOptions;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return (error as HostError).failure;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

describe('the host link over TLS', () => {
  it('trusts a host whose certificate the pinned CA signed', async () => {
    const baseUrl = await httpsHost();
    const client = new HttpHostClient({ baseUrl, terminalId: 'K', tls: { ca: [bankCa.cert] } });
    expect(await client.ping()).toBeGreaterThanOrEqual(0);
  });

  it('refuses a host signed by another CA, pinned or system, as a host error', async () => {
    const baseUrl = await httpsHost();
    const pinnedOther = new HttpHostClient({
      baseUrl,
      terminalId: 'K',
      tls: { ca: [otherCa.cert] },
    });
    expect(await failure(pinnedOther.ping())).toMatchObject({ kind: 'unavailable' });
    const systemRoots = new HttpHostClient({ baseUrl, terminalId: 'K' });
    expect(await failure(systemRoots.ping())).toMatchObject({ kind: 'unavailable' });
  });

  it('a host demanding a client certificate refuses a kiosk without one and accepts it with one', async () => {
    const baseUrl = await httpsHost(demandsClientCert());
    const without = new HttpHostClient({ baseUrl, terminalId: 'K', tls: { ca: [bankCa.cert] } });
    expect(await failure(without.ping())).toMatchObject({ kind: 'unavailable' });
    const withCert = new HttpHostClient({
      baseUrl,
      terminalId: 'K',
      tls: { ca: [bankCa.cert], cert: kiosk.cert, key: kiosk.key },
    });
    expect(await withCert.ping()).toBeGreaterThanOrEqual(0);
  });

  it('loads host.tls files from the config and talks mutual TLS with them', async () => {
    const baseUrl = await httpsHost(demandsClientCert());
    const config = loadConfig(
      file(
        'kiosk.json',
        JSON.stringify({
          host: {
            url: baseUrl,
            tls: {
              caFile: file('ca.pem', bankCa.cert),
              certFile: file('kiosk.pem', kiosk.cert),
              keyFile: file('kiosk.key', kiosk.key),
            },
          },
        }),
      ),
    );
    const { createHostClient } = await import('./create-host-client');
    expect(await createHostClient(config).ping()).toBeGreaterThanOrEqual(0);
  });
});

describe('host.tls files, checked when the config is loaded', () => {
  const configWith = (tls: object, url = 'https://gateway.bank.invalid') =>
    file('kiosk.json', JSON.stringify({ host: { url, tls } }));

  it('names the field and the file that cannot be read', () => {
    const missing = join(dir, 'no-such-ca.pem');
    expect(() => loadConfig(configWith({ caFile: missing }))).toThrow(ConfigError);
    expect(() => loadConfig(configWith({ caFile: missing }))).toThrow(
      `host.tls.caFile: cannot read ${missing} (ENOENT)`,
    );
  });

  it('refuses a CA file without a certificate, a key that is not the certificate’s, and a lone cert', () => {
    expect(readHostTls({ caFile: file('junk.pem', 'hello') })).toEqual({
      ok: false,
      problems: [`host.tls.caFile: ${join(dir, 'junk.pem')} holds no PEM certificate`],
    });
    const gatewayKey = file('gateway.key', gateway.key);
    const result = readHostTls({ certFile: file('kiosk.pem', kiosk.cert), keyFile: gatewayKey });
    expect(result).toEqual({
      ok: false,
      problems: [`host.tls.keyFile: ${gatewayKey} is not the key of ${join(dir, 'kiosk.pem')}`],
    });
    expect(JSON.stringify(result)).not.toContain('PRIVATE KEY');
    expect(() => loadConfig(configWith({ certFile: join(dir, 'kiosk.pem') }))).toThrow(
      'host.tls.keyFile: certFile and keyFile must be given together',
    );
    expect(() =>
      loadConfig(configWith({ caFile: file('ca.pem', bankCa.cert) }, 'http://127.0.0.1:8787')),
    ).toThrow('host.tls: tls needs an https:// url');
  });
});
