import { inspect } from 'node:util';
import { isValidKpj } from '../../core/common/domain/kpj';
import { maskKpj } from '../../core/common/domain/mask';
import { passesLuhn } from './luhn';
import type { RawTracks } from './raw-tracks';
import { parseTrack1, parseTrack2 } from './track-parser';

/** What may be shown, logged and put into events: no full PAN, no track data. */
export interface CardSummary {
  kind: 'bank' | 'kpj';
  tracksRead: Array<1 | 2 | 3>;
  /** Bank cards: `4111********1111`. */
  maskedPan?: string;
  /** KPJ cards: `*******8901`. */
  maskedKpj?: string;
  /** YYMM. */
  expiry: string;
  /** From track 1 when it was read, as encoded (`SURNAME/GIVEN`). */
  cardholderName?: string;
}

/** The sensitive part, handed out once through `CardReader.takeCardData()`. */
export type CardData =
  | { readonly kind: 'bank'; readonly pan: string; readonly track2: string }
  | { readonly kind: 'kpj'; readonly kpj: string };

export type Interpretation =
  { ok: true; summary: CardSummary; data: CardData } | { ok: false; reason: string };

/** `4111********1111`: first four and last four digits. */
export function maskPan(pan: string): string {
  if (pan.length <= 8) return '*'.repeat(pan.length);
  return pan.slice(0, 4) + '*'.repeat(pan.length - 8) + pan.slice(-4);
}

/**
 * Wraps card data so that logging it by accident (JSON.stringify, console.log, pino) shows only
 * the masked form; the fields stay readable for the one component that needs them.
 */
function guarded(data: CardData): CardData {
  const masked =
    data.kind === 'bank'
      ? { kind: 'bank', pan: maskPan(data.pan), track2: '[redacted]' }
      : { kind: 'kpj', kpj: maskKpj(data.kpj) };
  return Object.freeze(
    Object.defineProperties(
      { ...data },
      {
        toJSON: { value: () => masked, enumerable: false },
        toString: { value: () => `[card data ${data.kind}]`, enumerable: false },
        [inspect.custom]: { value: () => masked, enumerable: false },
      },
    ),
  );
}

/**
 * Decides what a swipe was: a bank card (Luhn-valid PAN of 12-19 digits), a KPJ card
 * (an account field that is a KPJ, core/common/domain/kpj.ts) or invalid media. Track 2 is required; track 1 adds the name.
 */
export function interpretTracks(tracks: RawTracks): Interpretation {
  if (tracks.track2.status !== 'ok') {
    const anyRead = [tracks.track1, tracks.track3].some((t) => t.status === 'ok');
    return {
      ok: false,
      reason:
        tracks.track2.status === 'error'
          ? 'track 2 could not be decoded'
          : anyRead
            ? 'track 2 missing'
            : 'no readable track',
    };
  }
  const track2 = parseTrack2(tracks.track2.data);
  if (!track2.ok) return { ok: false, reason: track2.reason };
  const { pan, expiry, equivalentData } = track2.value;

  const tracksRead: Array<1 | 2 | 3> = [2];
  let cardholderName: string | undefined;
  if (tracks.track1.status === 'ok') {
    const track1 = parseTrack1(tracks.track1.data);
    // A damaged track 1 only costs the name; track 2 alone is enough to identify the card.
    if (track1.ok) {
      if (track1.value.pan !== pan) return { ok: false, reason: 'track 1 and track 2 disagree' };
      tracksRead.unshift(1);
      if (track1.value.name.length > 0) cardholderName = track1.value.name;
    }
  }
  if (tracks.track3.status === 'ok') tracksRead.push(3);

  // A KPJ card carries the KPJ in the track 2 account-number field (docs/scanner-payloads.md).
  if (isValidKpj(pan)) {
    return {
      ok: true,
      summary: {
        kind: 'kpj',
        tracksRead,
        maskedKpj: maskKpj(pan),
        expiry,
        ...nameOf(cardholderName),
      },
      data: guarded({ kind: 'kpj', kpj: pan }),
    };
  }
  if (pan.length < 12) return { ok: false, reason: 'account number too short for a bank card' };
  if (!passesLuhn(pan)) return { ok: false, reason: 'account number fails the Luhn check' };
  if (track2.value.afterExpiry.length < 3)
    return { ok: false, reason: 'track 2: missing service code' };
  return {
    ok: true,
    summary: {
      kind: 'bank',
      tracksRead,
      maskedPan: maskPan(pan),
      expiry,
      ...nameOf(cardholderName),
    },
    data: guarded({ kind: 'bank', pan, track2: equivalentData }),
  };
}

const nameOf = (name: string | undefined) => (name === undefined ? {} : { cardholderName: name });
