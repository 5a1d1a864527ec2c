import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './load-config';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kiosk-config-')), 'kiosk.json');
  writeFileSync(path, content);
  return path;
}

describe('kiosk configuration', () => {
  it('runs on sensible defaults with no file', () => {
    const config = loadConfig();
    expect(config.terminalId).toBe('KSK-DEV-01');
    expect(config.language).toBe('id');
    expect(config.session.idleWarningSeconds).toBeGreaterThanOrEqual(20);
    expect(config.web.host).toBe('127.0.0.1');
  });

  it('names every bad field in one clear error', () => {
    const path = file(
      JSON.stringify({
        terminalId: 'x',
        host: { url: 'not a url' },
        session: { maxBirthDateAttempts: 0 },
      }),
    );
    expect(() => loadConfig(path)).toThrow(ConfigError);
    try {
      loadConfig(path);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(path);
      expect(message).toContain('terminalId');
      expect(message).toContain('host.url');
      expect(message).toContain('session.maxBirthDateAttempts');
    }
  });

  it('refuses unknown keys, so a typo is not silently ignored', () => {
    expect(() => parseConfig({ sesion: {} })).toThrow(/sesion/);
  });

  it('refuses a warning that is not before the time-out', () => {
    expect(() =>
      parseConfig({ session: { idleTimeoutSeconds: 25, idleWarningSeconds: 30 } }),
    ).toThrow(/idleWarningSeconds/);
  });

  it('refuses a time zone that is not an IANA zone, which would stop every journal write', () => {
    for (const timeZone of ['Asia/Jakart', 'WIB', '+07:00', ''])
      expect(() => parseConfig({ timeZone })).toThrow(/timeZone: .*is not an IANA time zone/);
    expect(parseConfig({ timeZone: 'asia/makassar' }).timeZone).toBe('Asia/Makassar');
    expect(parseConfig({ timeZone: 'UTC' }).timeZone).toBe('UTC');
  });

  it('explains a file that is missing or not JSON', () => {
    expect(() => loadConfig('/nonexistent/kiosk.json')).toThrow(/Cannot read kiosk configuration/);
    expect(() => loadConfig(file('{ nope'))).toThrow(/not valid JSON/);
  });

  it.each([
    ['journal.dir', { journal: { dir: '.kiosk-data/jour\u0000nal' } }],
    ['technician.diagSocket', { technician: { diagSocket: '/run/kiosk\u0000/diag.sock' } }],
    ['host.tls.caFile', { host: { url: 'https://gw.invalid', tls: { caFile: 'ca.pem\u0000' } } }],
    [
      'host.tls.keyFile',
      { host: { url: 'https://gw.invalid', tls: { certFile: 'c.pem', keyFile: 'k.pem\n' } } },
    ],
    [
      'devices.printer.transport.path',
      {
        devices: {
          printer: {
            driver: 'escpos',
            transport: { type: 'serial', path: '/dev/ttyUSB0\u0000', baudRate: 9600 },
          },
        },
      },
    ],
    [
      'devices.scanner.transport.path',
      {
        devices: {
          scanner: { driver: 'hid', transport: { type: 'hid', path: '/dev/hid\u001braw0' } },
        },
      },
    ],
  ])('refuses a NUL or other control character in %s, naming the field', (field, raw) => {
    const path = file(JSON.stringify(raw));
    const error = (() => {
      try {
        loadConfig(path);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${field}: must not contain control characters`);
  });

  it('still takes ordinary paths, spaces and non-ASCII letters included', () => {
    const config = parseConfig({
      journal: { dir: '/var/lib/kiosk/jurnal harian/ä' },
      technician: { diagSocket: '/run/kiosk/diag.sock' },
    });
    expect(config.journal.dir).toBe('/var/lib/kiosk/jurnal harian/ä');
  });

  it('refuses a theme whose colours fail WCAG AA, naming each failing pair under theme', () => {
    const path = join(import.meta.dirname, 'theme/test-fixtures/low-contrast-theme.json');
    expect(() => loadConfig(path)).toThrow(ConfigError);
    expect(() => loadConfig(path)).toThrow(
      /theme: text "accent" on "surface" has contrast 2\.18:1, needs 4\.5:1\n/,
    );
  });

  it("reads the theme's logo beside the config file, wherever the kiosk starts from", () => {
    const path = file(JSON.stringify({ theme: { bankName: 'Bank Contoh', logo: 'logo.png' } }));
    copyFileSync(
      join(import.meta.dirname, '../../docs/themes/blue-bank/logo.png'),
      join(dirname(path), 'logo.png'),
    );
    expect(loadConfig(path).theme?.logo).toBe(join(dirname(path), 'logo.png'));
  });

  it('refuses a logo that is not a safe image, naming theme.logo and the file', () => {
    const path = file(JSON.stringify({ theme: { bankName: 'Bank Contoh', logo: 'logo.svg' } }));
    const logo = join(dirname(path), 'logo.svg');
    writeFileSync(logo, '<svg><script>fetch("/")</script></svg>');
    expect(() => loadConfig(path)).toThrow(`  - theme.logo: ${logo} contains a script`);
  });
});
