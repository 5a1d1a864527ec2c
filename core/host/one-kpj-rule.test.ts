import { describe, expect, it } from 'vitest';
import { isValidKpj, kpjFromGroupedDigits } from '../common/domain/kpj';
import { interpretTracks } from '../../devices/card-reader/card-data';
import { lrcCharacter } from '../../devices/card-reader/iso7811-lrc';
import {
  JMO_CARD_PATH,
  JMO_HOST,
  parseScannerPayload,
} from '../../devices/scanner/scanner-payload';
import { LookupRequest, VerifyRequest } from './host-api';

/** One table, three doors: a KPJ the card reader takes is one the scanner and the host take. */
const VALUES: Array<[value: string, isKpj: boolean]> = [
  ['12345678901', true],
  ['00000000000', true],
  ['99887766554', true],
  ['1234567890', false],
  ['123456789012', false],
  ['4761739001010010', false],
  ['', false],
  ['1234567890a', false],
  ['1234567890\u0661', false], // an Arabic-Indic one: digits are ASCII digits
  ['1234567890\uff11', false], // a full-width one
];

/** The card reader's verdict: a swipe whose track 2 account field is the value. */
function cardTakes(value: string): boolean {
  const track2 = `;${value}=2812201000?`;
  const result = interpretTracks({
    track1: { status: 'absent' },
    track2: { status: 'ok', data: track2 + lrcCharacter(track2, 'numeric') },
    track3: { status: 'absent' },
  });
  return result.ok && result.data.kind === 'kpj' && result.data.kpj === value;
}

/** The scanner's verdict, through each payload form that carries a KPJ. */
function scannerTakes(value: string): boolean[] {
  const url = `https://${JMO_HOST}${JMO_CARD_PATH}?kpj=${encodeURIComponent(value)}`;
  return [value, `KPJ:${value}`, url, JSON.stringify({ kpj: value })].map((payload) => {
    const parsed = parseScannerPayload(payload);
    return parsed.ok && parsed.kpj === value;
  });
}

function hostTakes(value: string): boolean[] {
  return [
    LookupRequest.safeParse({ kpj: value }).success,
    VerifyRequest.safeParse({ kpj: value, birthDate: '1980-01-31' }).success,
  ];
}

describe('one KPJ rule (core/common/domain/kpj.ts)', () => {
  it.each(VALUES)('%j: card reader, scanner and host schemas agree (KPJ: %s)', (value, isKpj) => {
    expect(isValidKpj(value)).toBe(isKpj);
    expect({
      card: cardTakes(value),
      scanner: scannerTakes(value),
      host: hostTakes(value),
    }).toEqual({ card: isKpj, scanner: [isKpj, isKpj, isKpj, isKpj], host: [isKpj, isKpj] });
  });

  it.each([
    ['1234 5678 901', '12345678901'],
    ['1234.5678.901', '12345678901'],
    ['1234-5678-901', '12345678901'],
    ['1234  5678 901', undefined],
    ['1234 5678 9012', undefined],
    ['KPJ 1234 5678 901', undefined],
  ])('the written form %j normalises to %j, which the card reader and host take', (text, kpj) => {
    expect(kpjFromGroupedDigits(text)).toBe(kpj);
    const scanned = parseScannerPayload(text);
    expect(scanned.ok ? scanned.kpj : undefined).toBe(kpj);
    if (kpj !== undefined) {
      expect(cardTakes(kpj)).toBe(true);
      expect(hostTakes(kpj)).toEqual([true, true]);
    }
  });
});
