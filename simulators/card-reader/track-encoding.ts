import { lrcCharacter } from '../../devices/card-reader/iso7811-lrc';

/** Builds tracks as a reader decodes them from the stripe: sentinels and LRC included. */
export function encodeTrack2(fields: string, options: { lrc?: boolean } = {}): string {
  const framed = `;${fields}?`;
  return options.lrc === false ? framed : framed + lrcCharacter(framed, 'numeric');
}

export function encodeTrack1(fields: string, options: { lrc?: boolean } = {}): string {
  const framed = `%${fields}?`;
  return options.lrc === false ? framed : framed + lrcCharacter(framed, 'alpha');
}

/** Flips the LRC to a wrong character of the same alphabet. */
export function corruptLrc(track: string): string {
  const last = track.charCodeAt(track.length - 1);
  const base = track.startsWith('%') ? 0x20 : 0x30;
  const mask = track.startsWith('%') ? 0x3f : 0x0f;
  return track.slice(0, -1) + String.fromCharCode(base + (((last - base) ^ 0x01) & mask));
}
