import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { interpretTracks, maskPan } from './card-data';
import { lrcCharacter } from './iso7811-lrc';
import type { RawTracks, TrackRead } from './raw-tracks';

const t2 = (fields: string) => `;${fields}?` + lrcCharacter(`;${fields}?`, 'numeric');
const t1 = (fields: string) => `%${fields}?` + lrcCharacter(`%${fields}?`, 'alpha');
const ok = (data: string): TrackRead => ({ status: 'ok', data });
const absent: TrackRead = { status: 'absent' };
const tracks = (track1: TrackRead, track2: TrackRead, track3: TrackRead = absent): RawTracks => ({
  track1,
  track2,
  track3,
});

describe('interpretTracks', () => {
  it('reads a bank card into a masked summary and separate card data', () => {
    const result = interpretTracks(
      tracks(
        ok(t1('B4761739001010010^WIBOWO/SITI^2812201')),
        ok(t2('4761739001010010=2812201000')),
        ok(';123?'),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toEqual({
      kind: 'bank',
      tracksRead: [1, 2, 3],
      maskedPan: '4761********0010',
      expiry: '2812',
      cardholderName: 'WIBOWO/SITI',
    });
    expect(result.data).toMatchObject({
      kind: 'bank',
      pan: '4761739001010010',
      track2: '4761739001010010=2812201000',
    });
  });

  it('recognises a KPJ card by its 11-digit account field', () => {
    const result = interpretTracks(tracks(absent, ok(t2('12345678901=4912'))));
    expect(result.ok && result.summary).toEqual({
      kind: 'kpj',
      tracksRead: [2],
      maskedKpj: '*******8901',
      expiry: '4912',
    });
    expect(result.ok && result.data).toMatchObject({ kind: 'kpj', kpj: '12345678901' });
  });

  it('keeps the card if only track 1 is damaged, but drops the name', () => {
    const result = interpretTracks(
      tracks(ok('%B4761739001010010^X'), ok(t2('4761739001010010=2812201'))),
    );
    expect(result.ok && result.summary.tracksRead).toEqual([2]);
    expect(result.ok && result.summary.cardholderName).toBeUndefined();
  });

  it.each([
    ['no track at all', tracks(absent, absent), 'no readable track'],
    [
      'track 2 unreadable',
      tracks(ok(t1('B4761739001010010^A/B^2812')), { status: 'error' }),
      'could not be decoded',
    ],
    ['track 1 only', tracks(ok(t1('B4761739001010010^A/B^2812')), absent), 'track 2 missing'],
    ['Luhn failure', tracks(absent, ok(t2('4761739001010011=2812201'))), 'Luhn'],
    ['too short', tracks(absent, ok(t2('1234567890=2812201'))), 'too short'],
    ['no service code', tracks(absent, ok(t2('4761739001010010=2812'))), 'service code'],
    [
      'tracks disagree',
      tracks(ok(t1('B5413330089010442^A/B^2812')), ok(t2('4761739001010010=2812201'))),
      'disagree',
    ],
  ])('rejects %s without the PAN in the reason', (_label, raw, reason) => {
    const result = interpretTracks(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reason);
      expect(result.reason).not.toMatch(/\d{4}/);
    }
  });

  it('card data shows only masked values when logged by accident', () => {
    const result = interpretTracks(tracks(absent, ok(t2('4761739001010010=2812201000'))));
    if (!result.ok) throw new Error('expected a read');
    const printed = [
      JSON.stringify(result.data),
      inspect(result.data),
      String(result.data),
      `${result.data}`,
    ].join('\n');
    expect(printed).not.toContain('4761739001010010');
    expect(printed).not.toContain('2812201000');
    expect(JSON.stringify({ card: result.data })).toContain('4761********0010');
  });
});

describe('maskPan', () => {
  it('keeps the first and last four digits', () => {
    expect(maskPan('4111111111111111')).toBe('4111********1111');
    expect(maskPan('5413330089010442')).toBe('5413********0442');
    expect(maskPan('12345678')).toBe('********');
  });
});
