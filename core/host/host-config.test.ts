import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/load-config';
import { HttpHostClient } from './http-host-client';

const withUrl = (url: string) => () => parseConfig({ host: { url } }, 'kiosk.json');

describe('host.url', () => {
  it.each([
    'http://gateway.bpjs.invalid',
    'http://10.1.2.3:8787',
    'http://[::ffff:127.0.0.1]',
    'ftp://gateway.bpjs.invalid',
    'file:///etc/passwd',
    'data:application/json,{}',
    'ws://127.0.0.1:8787',
    'https://user:secret@gateway.bpjs.invalid',
  ])('refuses %s with a ConfigError naming host.url', (url) => {
    expect(withUrl(url)).toThrow(ConfigError);
    expect(withUrl(url)).toThrow(/host\.url: must/);
  });

  it.each([
    'https://gateway.bpjs.invalid/bpjs',
    'http://127.0.0.1:8787',
    'http://127.8.9.10',
    'http://localhost:8787',
    'http://[::1]:8787',
  ])('accepts %s', (url) => {
    expect(parseConfig({ host: { url } }).host.url).toBe(url);
  });

  it('is enforced by the client itself too, so no caller can skip it', () => {
    expect(
      () => new HttpHostClient({ baseUrl: 'http://gateway.bpjs.invalid', terminalId: 'K' }),
    ).toThrow('host URL must use https://');
  });
});
