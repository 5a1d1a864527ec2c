import { isTrackCharacter, lrcCharacter, type TrackAlphabet } from './iso7811-lrc';

/**
 * ISO 7813 track parsing. Failure reasons name what is wrong, never the data itself, so they
 * are safe to log and to show to a technician.
 */
export type TrackParse<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Track2 {
  /** Primary account number (or the KPJ on a KPJ card): up to 19 digits. */
  pan: string;
  /** YYMM. */
  expiry: string;
  /** Everything after the expiry up to the end sentinel (service code + discretionary data). */
  afterExpiry: string;
  /** Track 2 equivalent data: the text between the sentinels, as hosts expect it. */
  equivalentData: string;
  lrcChecked: boolean;
}

export interface Track1 {
  formatCode: string;
  pan: string;
  /** As encoded (ISO 7813 `SURNAME/GIVEN`), trailing padding removed. */
  name: string;
  expiry: string;
  afterExpiry: string;
  lrcChecked: boolean;
}

const MAX_TRACK1 = 79;
const MAX_TRACK2 = 40;

interface Framed {
  body: string;
  lrcChecked: boolean;
}

/** Checks sentinels, character set, length and (when present) the LRC; returns the body. */
function unframe(
  raw: string,
  track: string,
  start: string,
  alphabet: TrackAlphabet,
  maxLength: number,
): TrackParse<Framed> {
  if (raw.length === 0) return { ok: false, reason: `${track}: empty` };
  if (raw[0] !== start) return { ok: false, reason: `${track}: missing start sentinel` };
  const end = raw.indexOf('?', 1);
  if (end < 0) return { ok: false, reason: `${track}: missing end sentinel` };
  const framed = raw.slice(0, end + 1);
  if (framed.length > maxLength)
    return { ok: false, reason: `${track}: longer than ${maxLength} characters` };
  for (let i = 0; i < framed.length; i++) {
    if (!isTrackCharacter(framed.charCodeAt(i), alphabet))
      return { ok: false, reason: `${track}: character outside the track alphabet` };
  }
  const rest = raw.slice(end + 1);
  if (rest.length > 1) return { ok: false, reason: `${track}: data after the LRC` };
  if (rest.length === 1) {
    if (rest !== lrcCharacter(framed, alphabet))
      return { ok: false, reason: `${track}: LRC mismatch` };
  }
  return { ok: true, value: { body: framed.slice(1, -1), lrcChecked: rest.length === 1 } };
}

const YYMM = /^\d{2}(0[1-9]|1[0-2])$/;

/** `;PAN=YYMM SVC discretionary?LRC` (LRC optional; many readers strip it). */
export function parseTrack2(raw: string): TrackParse<Track2> {
  const framed = unframe(raw, 'track 2', ';', 'numeric', MAX_TRACK2);
  if (!framed.ok) return framed;
  const body = framed.value.body;
  const separator = body.indexOf('=');
  if (separator < 0) return { ok: false, reason: 'track 2: missing field separator' };
  const pan = body.slice(0, separator);
  if (!/^\d{1,19}$/.test(pan))
    return { ok: false, reason: 'track 2: account number is not 1-19 digits' };
  const expiry = body.slice(separator + 1, separator + 5);
  if (!YYMM.test(expiry)) return { ok: false, reason: 'track 2: expiry is not YYMM' };
  const afterExpiry = body.slice(separator + 5);
  if (!/^\d*$/.test(afterExpiry)) return { ok: false, reason: 'track 2: non-digit after expiry' };
  return {
    ok: true,
    value: { pan, expiry, afterExpiry, equivalentData: body, lrcChecked: framed.value.lrcChecked },
  };
}

/** `%B PAN^NAME^YYMM SVC discretionary?LRC` (format code B; LRC optional). */
export function parseTrack1(raw: string): TrackParse<Track1> {
  const framed = unframe(raw, 'track 1', '%', 'alpha', MAX_TRACK1);
  if (!framed.ok) return framed;
  const body = framed.value.body;
  const formatCode = body[0] ?? '';
  if (!/^[A-Z]$/.test(formatCode)) return { ok: false, reason: 'track 1: missing format code' };
  const fields = body.slice(1).split('^');
  if (fields.length < 3) return { ok: false, reason: 'track 1: missing field separator' };
  const [pan = '', name = '', ...restFields] = fields;
  const rest = restFields.join('^');
  if (!/^\d{1,19}$/.test(pan))
    return { ok: false, reason: 'track 1: account number is not 1-19 digits' };
  if (name.length > 26) return { ok: false, reason: 'track 1: name longer than 26 characters' };
  const expiry = rest.slice(0, 4);
  if (!YYMM.test(expiry)) return { ok: false, reason: 'track 1: expiry is not YYMM' };
  return {
    ok: true,
    value: {
      formatCode,
      pan,
      name: name.trim(),
      expiry,
      afterExpiry: rest.slice(4),
      lrcChecked: framed.value.lrcChecked,
    },
  };
}
