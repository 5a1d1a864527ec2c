import { describe, expect, it } from 'vitest';
import { interpretTracks } from './card-data';
import { encodeCardDataReport, HidCardReportDecoder, parseCardReaderReport } from './hid-report';
import { lrcCharacter } from './iso7811-lrc';
import type { CardReaderMessage, TrackRead } from './raw-tracks';
import { encodeCardDataFrame, SerialCardFrameDecoder } from './serial-framing';
import { parseTrack1, parseTrack2 } from './track-parser';

/** mulberry32: small seeded PRNG so every run sees the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CASES = 3000;
const TRACK2 = ';4761739001010010=2812201000001234?';
const TRACK1 = '%B4761739001010010^WIBOWO/SITI^2812201000001234?';
const VALID_TRACK2 = TRACK2 + lrcCharacter(TRACK2, 'numeric');
const VALID_TRACK1 = TRACK1 + lrcCharacter(TRACK1, 'alpha');

function randomBytes(next: () => number, max: number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(next() * max) }, () => Math.floor(next() * 256));
}

/** Valid input with a few bytes changed, inserted or removed: reaches deeper than pure noise. */
function mutate(next: () => number, input: string): string {
  const chars = [...input];
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (chars.length + 1));
    const choice = next();
    const char = String.fromCharCode(0x20 + Math.floor(next() * 0x60));
    if (choice < 0.4) chars[at] = char;
    else if (choice < 0.7) chars.splice(at, 0, char);
    else chars.splice(at, 1);
  }
  return chars.join('');
}

/** A safe reason: plain words, no run of digits that could be part of a PAN. */
function expectSafeReason(reason: string): void {
  expect(reason).toMatch(/^[\w :()'.,/-]+$/);
  expect(reason).not.toMatch(/\d{5}/);
}

function expectWellFormed(message: CardReaderMessage): void {
  if (message.kind === 'malformed') expectSafeReason(message.reason);
  else if (message.kind === 'tracks') {
    const interpretation = interpretTracks(message.tracks);
    if (!interpretation.ok) expectSafeReason(interpretation.reason);
  }
}

describe('fuzz: card reader parsers never throw and give clear reasons', () => {
  it('track 1 and track 2 parsers on noise and mutations', () => {
    const next = prng(7813);
    let accepted = 0;
    for (let i = 0; i < CASES; i++) {
      const noise = String.fromCharCode(...randomBytes(next, 60));
      for (const input of [noise, mutate(next, VALID_TRACK2), mutate(next, VALID_TRACK1)]) {
        for (const result of [parseTrack1(input), parseTrack2(input)]) {
          if (result.ok) accepted++;
          else expectSafeReason(result.reason);
        }
      }
    }
    // Mutations that keep the LRC right are rare; most must be caught.
    expect(accepted).toBeLessThan(CASES);
  });

  it('interpretTracks on mutated track pairs', () => {
    const next = prng(42);
    for (let i = 0; i < CASES; i++) {
      const pick = (data: string): TrackRead => {
        const r = next();
        return r < 0.1
          ? { status: 'error' }
          : r < 0.2
            ? { status: 'absent' }
            : { status: 'ok', data };
      };
      const result = interpretTracks({
        track1: pick(mutate(next, VALID_TRACK1)),
        track2: pick(mutate(next, VALID_TRACK2)),
        track3: pick(String.fromCharCode(...randomBytes(next, 20))),
      });
      if (!result.ok) expectSafeReason(result.reason);
      else expect(result.summary.maskedPan ?? result.summary.maskedKpj).toMatch(/\*{3,}/);
    }
  });

  it('serial frame decoder on random chunks, noise and damaged frames', () => {
    const next = prng(2024);
    const decoder = new SerialCardFrameDecoder();
    const good = encodeCardDataFrame(['', VALID_TRACK2, '']);
    for (let i = 0; i < CASES; i++) {
      const chunk =
        next() < 0.5
          ? randomBytes(next, 80)
          : Uint8Array.from(mutate(next, String.fromCharCode(...good)), (c) => c.charCodeAt(0));
      for (const message of decoder.push(chunk)) expectWellFormed(message);
    }
    // After any amount of noise, a clean frame still decodes.
    decoder.push(Uint8Array.of(0x03));
    expect(decoder.push(good).at(-1)?.kind).toBe('tracks');
  });

  it('HID report parser on random reports and damaged card-data reports', () => {
    const next = prng(337);
    const decoder = new HidCardReportDecoder();
    const good = encodeCardDataReport([
      { status: 'absent' },
      { status: 'ok', data: VALID_TRACK2 },
      { status: 'absent' },
    ]);
    for (let i = 0; i < CASES; i++) {
      const report = next() < 0.5 ? randomBytes(next, 400) : good.slice();
      if (report.length === good.length) {
        for (let k = 0; k < 4; k++)
          report[Math.floor(next() * report.length)] = Math.floor(next() * 256);
      }
      expectWellFormed(parseCardReaderReport(report));
      for (const message of decoder.push(report)) expectWellFormed(message);
    }
  });
});
