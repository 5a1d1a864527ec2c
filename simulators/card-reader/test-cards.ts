import type { HidTrackField } from '../../devices/card-reader/hid-report';
import { FIXTURES } from '../host';
import { corruptLrc, encodeTrack1, encodeTrack2 } from './track-encoding';
import { passesLuhn } from '../../devices/card-reader/luhn';
import { TEST_PANS } from './test-pans';

export { TEST_PANS };

export type TrackFields = [HidTrackField, HidTrackField, HidTrackField];

export interface TestCard {
  label: string;
  tracks: TrackFields;
}

const ok = (data: string): HidTrackField => ({ status: 'ok', data });
const absent: HidTrackField = { status: 'absent' };
const unreadable: HidTrackField = { status: 'error' };

/** Placeholder KPJ for a KPJ test card when the host fixtures are not at hand. */
export const PLACEHOLDER_KPJ = '12345678901';

/**
 * A KPJ card: the KPJ in the track 2 account field, `=`, validity YYMM (4912: no expiry), and
 * the same on track 1 with the holder's name (see docs/scanner-payloads.md).
 */
export function kpjCard(kpj: string = PLACEHOLDER_KPJ, name = 'SANTOSO/BUDI'): TestCard {
  return {
    label: `KPJ card ${kpj.slice(-4)}`,
    tracks: [ok(encodeTrack1(`B${kpj}^${name}^4912`)), ok(encodeTrack2(`${kpj}=4912`)), absent],
  };
}

export function bankCard(
  pan: string,
  name: string,
  expiry = '2812',
  serviceCode = '201',
): TestCard {
  const discretionary = '00000123400000';
  return {
    label: `bank card ${pan.slice(0, 4)}...${pan.slice(-4)}`,
    tracks: [
      ok(encodeTrack1(`B${pan}^${name.padEnd(26, ' ')}^${expiry}${serviceCode}${discretionary}`)),
      ok(encodeTrack2(`${pan}=${expiry}${serviceCode}${discretionary}`)),
      absent,
    ],
  };
}

/** The card-number prefix of the simulated technician cards (config `technician.cardPrefix`). */
export const TECHNICIAN_CARD_PREFIX = '99900';

/** A technician card: a Luhn-valid 16-digit number with the technician prefix. */
export function technicianCard(serial = '0000001234'): TestCard {
  const body = `${TECHNICIAN_CARD_PREFIX}${serial}`;
  const check = [...'0123456789'].find((digit) => passesLuhn(body + digit))!;
  return { ...bankCard(body + check, 'TEKNISI/LAPANGAN', '4912'), label: 'technician card' };
}

export const TEST_CARDS = {
  visa: bankCard(TEST_PANS.visa, 'WIBOWO/SITI'),
  mastercard: bankCard(TEST_PANS.mastercard, 'HARTONO/AGUS', '2906'),
  /** Track 2 only, no LRC sent (many readers strip it). */
  visaTrack2Only: {
    label: 'bank card, track 2 only',
    tracks: [
      absent,
      ok(encodeTrack2(`${TEST_PANS.visa}=2812201000001234`, { lrc: false })),
      absent,
    ],
  } satisfies TestCard,
  /** Every track's LRC is wrong: a dirty head or a damaged stripe. */
  corruptedLrc: {
    label: 'bank card with a corrupted LRC',
    tracks: [absent, ok(corruptLrc(encodeTrack2(`${TEST_PANS.visa}=2812201000001234`))), absent],
  } satisfies TestCard,
  /** Well-formed tracks but the PAN fails the Luhn check. */
  luhnFailure: bankCard('4761739001010011', 'GAGAL/LUHN'),
  /** A stripe the reader cannot decode at all (hotel key, demagnetised card). */
  unreadable: {
    label: 'unreadable stripe',
    tracks: [unreadable, unreadable, absent],
  } satisfies TestCard,
  /** Something that is not a card: blank stripe. */
  blank: { label: 'blank stripe', tracks: [absent, absent, absent] } satisfies TestCard,
} as const;

/** Serial-mode track fields: the data, `E` for a decode error, '' for a blank track. */
export function serialFields(tracks: TrackFields): [string, string, string] {
  return tracks.map((t) => (t.status === 'ok' ? t.data : t.status === 'error' ? 'E' : '')) as [
    string,
    string,
    string,
  ];
}

/** `SITI RAHAYU` -> `RAHAYU/SITI`, the ISO 7813 track 1 name order. */
export function isoName(name: string): string {
  const words = name.trim().toUpperCase().split(/\s+/);
  const surname = words.pop() ?? '';
  return words.length ? `${surname}/${words.join(' ')}` : surname;
}

/** KPJ cards of the host simulator's named participants, so a swipe finds a real account. */
export const PARTICIPANT_CARDS = {
  active: kpjCard(FIXTURES.active.kpj, isoName(FIXTURES.active.name)),
  inactive: kpjCard(FIXTURES.inactive.kpj, isoName(FIXTURES.inactive.name)),
  unknown: kpjCard(FIXTURES.unknownKpj, 'TIDAK/DIKENAL'),
} as const;
