import { describe, expect, it } from 'vitest';
import { parseScannerPayload } from './scanner-payload';

describe('parseScannerPayload', () => {
  it.each([
    ['12345678901', 'plain'],
    ['1234 5678 901', 'plain'],
    ['123-4567-8901', 'plain'],
    ['  12345678901\r\n', 'plain'],
    ['KPJ:12345678901', 'prefixed'],
    ['kpj : 1234 5678 901', 'prefixed'],
    ['https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=12345678901', 'jmoUrl'],
    ['https://JMO.bpjsketenagakerjaan.go.id/kartu/?kpj=12345678901&v=1', 'jmoUrl'],
    ['{"kpj":"12345678901"}', 'jmoJson'],
    ['{"type":"jmo-kartu","v":1,"kpj":"123-4567-8901"}', 'jmoJson'],
  ])('accepts %j as %s', (payload, source) => {
    expect(parseScannerPayload(payload)).toEqual({ ok: true, kpj: '12345678901', source });
  });

  it.each([
    ['', 'empty'],
    ['1234567890', 'not 11 digits'],
    ['123456789012', 'not 11 digits'],
    ['12--345678901', 'not 11 digits'],
    ['KPJ:1234567890', 'prefix without 11 digits'],
    ['KPJ:', 'prefix without 11 digits'],
    ['http://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=12345678901', 'not https'],
    ['https://evil.example/kartu?kpj=12345678901', 'unknown host'],
    ['https://jmo.bpjsketenagakerjaan.go.id.evil.example/kartu?kpj=12345678901', 'unknown host'],
    ['https://jmo.bpjsketenagakerjaan.go.id/other?kpj=12345678901', 'path'],
    ['https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=1&kpj=12345678901', 'exactly one'],
    ['https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=98765', 'not 11 digits'],
    ['https://', 'not a valid URL'],
    ['{"kpj":12345678901}', 'no kpj string'],
    ['{"kpj":"123"}', 'not 11 digits'],
    ['[1,2]', 'not a KPJ payload'],
    ['{broken', 'not valid JSON'],
    ['null', 'not a KPJ payload'],
    ['1234567\u00008901', 'control character'],
    ['Hello world', 'not a KPJ payload'],
    ['4761739001010010', 'not 11 digits'],
    ['x'.repeat(513), 'too long'],
  ])('rejects %j (%s) without echoing it', (payload, reason) => {
    const parsed = parseScannerPayload(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(reason);
      expect(parsed.reason).not.toMatch(/\d{4}|evil|Hello/);
    }
  });
});
