import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type IssuedCertificate } from '../host/test-ca.test-helper';
import { ConfigError, loadConfig, loadMetricsAuth, parseConfig } from './load-config';

const TOKEN = '6d1f0c3a9b8e7d6c5b4a39281706f5e4d3c2b1a0';

function folder() {
  return mkdtempSync(join(tmpdir(), 'kiosk-metrics-config-'));
}

function fileIn(dir: string, name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode });
  chmodSync(path, mode);
  return path;
}

function configFile(metrics: unknown): string {
  const dir = folder();
  return fileIn(dir, 'kiosk.json', JSON.stringify({ metrics }));
}

const loadError = (path: string): string => {
  try {
    loadConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the config loaded');
};

describe('the metrics section of the kiosk config', () => {
  it('is off by default, and would listen on loopback only', () => {
    expect(loadConfig().metrics).toEqual({
      enabled: false,
      listen: { host: '127.0.0.1', port: 9464 },
    });
  });

  it.each(['127.0.0.1', '127.10.0.5', 'localhost', '::1'])(
    'serves %s without auth: only programs on the kiosk PC reach it',
    (host) => {
      expect(
        parseConfig({ metrics: { enabled: true, listen: { host } } }).metrics.listen.host,
      ).toBe(host);
    },
  );

  it.each(['0.0.0.0', '10.20.30.40', '::'])(
    'refuses %s without a token or mutual TLS, saying what to set',
    (host) => {
      expect(() => parseConfig({ metrics: { enabled: true, listen: { host } } })).toThrow(
        `metrics.listen.host: ${host} is reachable from other machines: set metrics.bearerTokenFile or metrics.tls`,
      );
      // Off, it listens nowhere, so the address does not matter yet.
      expect(parseConfig({ metrics: { enabled: false, listen: { host } } }).metrics.enabled).toBe(
        false,
      );
    },
  );

  it('refuses a host name that is not an address, and unknown keys', () => {
    expect(() =>
      parseConfig({ metrics: { enabled: true, listen: { host: 'kiosk.branch.local' } } }),
    ).toThrow('metrics.listen.host: use an IP address');
    expect(() => parseConfig({ metrics: { enabled: true, token: TOKEN } })).toThrow(/metrics/);
  });

  it('reads an owner-only token file when the config is loaded', () => {
    const dir = folder();
    const tokenFile = fileIn(dir, 'metrics-token', `${TOKEN}\n`);
    const path = fileIn(
      dir,
      'kiosk.json',
      JSON.stringify({
        metrics: { enabled: true, listen: { host: '0.0.0.0' }, bearerTokenFile: tokenFile },
      }),
    );
    const config = loadConfig(path);
    expect(loadMetricsAuth(config)).toEqual({ bearerToken: TOKEN });
  });

  it('refuses a token file others can read, or a short token, never quoting the token', () => {
    const dir = folder();
    const open = fileIn(dir, 'open-token', TOKEN, 0o644);
    let message = loadError(configFile({ enabled: true, bearerTokenFile: open }));
    expect(message).toContain(
      `metrics.bearerTokenFile: ${open} is open to other users (mode 0644): chmod 600 it`,
    );
    expect(message).not.toContain(TOKEN);

    const short = fileIn(dir, 'short-token', 'secret');
    message = loadError(configFile({ enabled: true, bearerTokenFile: short }));
    expect(message).toContain('must hold one token of 32 or more printable characters');
    expect(message).not.toContain('secret\n');

    message = loadError(configFile({ enabled: true, bearerTokenFile: join(dir, 'missing') }));
    expect(message).toContain(
      `metrics.bearerTokenFile: cannot read ${join(dir, 'missing')} (ENOENT)`,
    );
  });

  it('does not read the files of a metrics section that is off', () => {
    const config = loadConfig(
      configFile({ enabled: false, bearerTokenFile: '/nonexistent/token' }),
    );
    expect(loadMetricsAuth(config)).toEqual({});
  });

  describe('mutual TLS', () => {
    let server: IssuedCertificate;
    let other: IssuedCertificate;
    let caCert: string;
    beforeAll(async () => {
      const ca = await createTestCa('Ops Monitoring CA');
      caCert = ca.cert;
      server = await ca.issue('server', '127.0.0.1');
      other = await ca.issue('server', '127.0.0.1');
    });

    it('reads the server certificate, its key and the client CA', () => {
      const dir = folder();
      const tls = {
        certFile: fileIn(dir, 'cert.pem', server.cert),
        keyFile: fileIn(dir, 'key.pem', server.key),
        caFile: fileIn(dir, 'ca.pem', caCert),
      };
      const config = loadConfig(configFile({ enabled: true, listen: { host: '0.0.0.0' }, tls }));
      expect(loadMetricsAuth(config)).toEqual({
        tls: { cert: server.cert, key: server.key, ca: [caCert] },
      });
    });

    it('names the field of a key that does not match its certificate', () => {
      const dir = folder();
      const tls = {
        certFile: fileIn(dir, 'cert.pem', server.cert),
        keyFile: fileIn(dir, 'key.pem', other.key),
        caFile: fileIn(dir, 'ca.pem', caCert),
      };
      const message = loadError(configFile({ enabled: true, tls }));
      expect(message).toContain(`metrics.tls.keyFile: ${tls.keyFile} is not the key of`);
      expect(message).not.toContain('PRIVATE KEY');
    });

    it('needs all three files', () => {
      expect(() =>
        parseConfig({ metrics: { enabled: true, tls: { certFile: 'c.pem', keyFile: 'k.pem' } } }),
      ).toThrow('metrics.tls.caFile');
    });
  });
});
