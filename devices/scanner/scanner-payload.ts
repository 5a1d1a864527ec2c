/**
 * The scan payloads the kiosk accepts as a KPJ (docs/scanner-payloads.md). The real JMO QR
 * format is not public: these are the kiosk's own accepted forms. Reasons never echo the payload.
 * What counts as a KPJ inside them is the one rule in core/common/domain/kpj.ts.
 */
import { kpjFromGroupedDigits } from '../../core/common/domain/kpj';

export type PayloadSource = 'plain' | 'prefixed' | 'jmoUrl' | 'jmoJson';

export type PayloadParse =
  { ok: true; kpj: string; source: PayloadSource } | { ok: false; reason: string };

const MAX_PAYLOAD_LENGTH = 512;
export const JMO_HOST = 'jmo.bpjsketenagakerjaan.go.id';
export const JMO_CARD_PATH = '/kartu';

const PREFIXED = /^KPJ\s*:\s*(.*)$/i;

function fromUrl(text: string): PayloadParse {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'URL is not https' };
  if (url.hostname.toLowerCase() !== JMO_HOST)
    return { ok: false, reason: 'URL from an unknown host' };
  if (url.pathname.replace(/\/$/, '') !== JMO_CARD_PATH)
    return { ok: false, reason: 'URL path is not the card path' };
  const values = url.searchParams.getAll('kpj');
  if (values.length !== 1) return { ok: false, reason: 'URL needs exactly one kpj parameter' };
  const kpj = kpjFromGroupedDigits(values[0] ?? '');
  return kpj
    ? { ok: true, kpj, source: 'jmoUrl' }
    : { ok: false, reason: 'kpj parameter is not 11 digits' };
}

function fromJson(text: string): PayloadParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'JSON payload is not an object' };
  const kpjField = (value as Record<string, unknown>).kpj;
  if (typeof kpjField !== 'string') return { ok: false, reason: 'JSON payload has no kpj string' };
  const kpj = kpjFromGroupedDigits(kpjField);
  return kpj
    ? { ok: true, kpj, source: 'jmoJson' }
    : { ok: false, reason: 'kpj field is not 11 digits' };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function parseScannerPayload(payload: string): PayloadParse {
  if (payload.length > MAX_PAYLOAD_LENGTH) return { ok: false, reason: 'payload too long' };
  const text = payload.trim();
  if (text.length === 0) return { ok: false, reason: 'empty payload' };
  if (hasControlCharacter(text)) return { ok: false, reason: 'control character in payload' };

  if (/^[\d .-]+$/.test(text)) {
    const kpj = kpjFromGroupedDigits(text);
    return kpj
      ? { ok: true, kpj, source: 'plain' }
      : { ok: false, reason: 'number is not 11 digits' };
  }
  const prefixed = PREFIXED.exec(text);
  if (prefixed) {
    const kpj = kpjFromGroupedDigits(prefixed[1] ?? '');
    return kpj
      ? { ok: true, kpj, source: 'prefixed' }
      : { ok: false, reason: 'KPJ: prefix without 11 digits' };
  }
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  if (text.startsWith('{')) return fromJson(text);
  return { ok: false, reason: 'not a KPJ payload' };
}
