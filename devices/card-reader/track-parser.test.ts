import { describe, expect, it } from 'vitest';
import { lrcCharacter } from './iso7811-lrc';
import { passesLuhn } from './luhn';
import { parseTrack1, parseTrack2 } from './track-parser';

const withLrc2 = (framed: string) => framed + lrcCharacter(framed, 'numeric');
const withLrc1 = (framed: string) => framed + lrcCharacter(framed, 'alpha');

describe('LRC', () => {
  it('matches a hand-computed track 2 LRC', () => {
    // ';'=0xB, '1'=1, '='=0xD, '?'=0xF: 0xB^1^0xD^0xF = 0x8 -> '8'
    expect(lrcCharacter(';1=?', 'numeric')).toBe('8');
  });
  it('stays inside the track alphabet', () => {
    expect(
      lrcCharacter('%B4761739001010010^A/B^2812?', 'alpha').charCodeAt(0),
    ).toBeGreaterThanOrEqual(0x20);
    expect(lrcCharacter('%B4761739001010010^A/B^2812?', 'alpha').charCodeAt(0)).toBeLessThanOrEqual(
      0x5f,
    );
  });
});

describe('Luhn', () => {
  it('accepts published test PANs and rejects a one-digit change', () => {
    expect(passesLuhn('4761739001010010')).toBe(true);
    expect(passesLuhn('5413330089010442')).toBe(true);
    expect(passesLuhn('4761739001010011')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('12a4')).toBe(false);
  });
});

describe('parseTrack2', () => {
  it('splits PAN, expiry and the rest, with LRC checked', () => {
    const parsed = parseTrack2(withLrc2(';4761739001010010=2812201000001234?'));
    expect(parsed).toEqual({
      ok: true,
      value: {
        pan: '4761739001010010',
        expiry: '2812',
        afterExpiry: '201000001234',
        equivalentData: '4761739001010010=2812201000001234',
        lrcChecked: true,
      },
    });
  });

  it('accepts a track without LRC', () => {
    const parsed = parseTrack2(';12345678901=4912?');
    expect(parsed.ok && parsed.value.lrcChecked).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['4761739001010010=2812?', 'missing start sentinel'],
    [';4761739001010010=2812', 'missing end sentinel'],
    [';4761739001010010 2812?', 'character outside'],
    [';47617390010100102812?', 'missing field separator'],
    [';=2812?', 'not 1-19 digits'],
    [';12345678901234567890=2812?', 'not 1-19 digits'],
    [';4761739001010010=2813?', 'expiry is not YYMM'],
    [';4761739001010010=28?', 'expiry is not YYMM'],
    [';4761739001010010=2812=1?', 'non-digit'],
    [';4761739001010010=2812?12', 'data after the LRC'],
  ])('rejects %j (%s) without echoing the data', (raw, reason) => {
    const parsed = parseTrack2(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(reason);
      expect(parsed.reason).not.toMatch(/\d{6}/);
    }
  });

  it('rejects a wrong LRC', () => {
    const good = withLrc2(';4761739001010010=2812201?');
    const bad = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    expect(parseTrack2(bad)).toEqual({ ok: false, reason: 'track 2: LRC mismatch' });
  });

  it('rejects a track longer than 40 characters', () => {
    expect(parseTrack2(`;4761739001010010=2812${'0'.repeat(20)}?`).ok).toBe(false);
  });
});

describe('parseTrack1', () => {
  it('reads PAN, name and expiry', () => {
    const parsed = parseTrack1(
      withLrc1('%B4761739001010010^WIBOWO/SITI               ^2812201000001234?'),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.pan).toBe('4761739001010010');
      expect(parsed.value.name).toBe('WIBOWO/SITI');
      expect(parsed.value.expiry).toBe('2812');
      expect(parsed.value.lrcChecked).toBe(true);
    }
  });

  it.each([
    ['%4761739001010010^A/B^2812?', 'format code'],
    ['%B4761739001010010^A/B?', 'missing field separator'],
    ['%B4761739001010010^A/B^28?', 'expiry'],
    ['%BXX^A/B^2812?', 'not 1-19 digits'],
    [`%B4761739001010010^${'A'.repeat(27)}^2812?`, 'name longer'],
    ['%b4761739001010010^a/b^2812?', 'outside the track alphabet'],
  ])('rejects %j', (raw, reason) => {
    const parsed = parseTrack1(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
