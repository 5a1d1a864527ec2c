/**
 * Longitudinal redundancy check of ISO/IEC 7811 magstripe tracks as a reader hands them over
 * in ASCII: the XOR of every character's data bits from the start sentinel through the end
 * sentinel, sent as one more character of the same set.
 *
 * Track 1 (IATA, 6-bit): characters 0x20..0x5F, data bits = char - 0x20.
 * Track 2 and 3 (ABA / ISO 4909, 4-bit): characters 0x30..0x3F, data bits = char - 0x30.
 */
export type TrackAlphabet = 'alpha' | 'numeric';

const BASE: Record<TrackAlphabet, number> = { alpha: 0x20, numeric: 0x30 };
const MASK: Record<TrackAlphabet, number> = { alpha: 0x3f, numeric: 0x0f };

export function isTrackCharacter(code: number, alphabet: TrackAlphabet): boolean {
  const base = BASE[alphabet];
  return code >= base && code <= base + MASK[alphabet];
}

/** The LRC character for `sentinelToSentinel` (start sentinel .. end sentinel inclusive). */
export function lrcCharacter(sentinelToSentinel: string, alphabet: TrackAlphabet): string {
  const base = BASE[alphabet];
  const mask = MASK[alphabet];
  let lrc = 0;
  for (let i = 0; i < sentinelToSentinel.length; i++) {
    lrc ^= (sentinelToSentinel.charCodeAt(i) - base) & mask;
  }
  return String.fromCharCode(base + lrc);
}
