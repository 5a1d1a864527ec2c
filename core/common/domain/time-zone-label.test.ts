import { describe, expect, it } from 'vitest';
import { formatTime } from './format';
import { INDONESIAN_TIME_ZONES, timeZoneLabel } from './time-zone-label';

const JANUARY = new Date('2026-01-15T03:00:00Z');
const JULY = new Date('2026-07-15T03:00:00Z');

describe('timeZoneLabel', () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    // Old names of the same zones, as a config file may still spell them.
    ['Asia/Ujung_Pandang', 'WITA'],
    ['asia/jakarta', 'WIB'],
  ])('%s is %s', (zone, label) => {
    expect(timeZoneLabel(zone, JANUARY)).toBe(label);
  });

  it('knows every zone Indonesia has in the IANA database', () => {
    expect(Object.keys(INDONESIAN_TIME_ZONES).sort()).toEqual([
      'Asia/Jakarta',
      'Asia/Jayapura',
      'Asia/Makassar',
      'Asia/Pontianak',
    ]);
  });

  it.each([
    // Same offsets as Indonesia's zones, but not Indonesia: no Indonesian name.
    ['Asia/Bangkok', 'GMT+7'],
    ['Etc/GMT-7', 'GMT+7'],
    ['Asia/Singapore', 'GMT+8'],
    ['Asia/Dili', 'GMT+9'],
    ['Asia/Kolkata', 'GMT+5:30'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['America/Sao_Paulo', 'GMT-3'],
  ])('%s, outside Indonesia, is %s', (zone, label) => {
    expect(timeZoneLabel(zone, JANUARY)).toBe(label);
  });

  it('says the offset in force at that moment for a zone with summer time', () => {
    expect(timeZoneLabel('Europe/Amsterdam', JANUARY)).toBe('GMT+1');
    expect(timeZoneLabel('Europe/Amsterdam', JULY)).toBe('GMT+2');
    expect(timeZoneLabel('Europe/London', JANUARY)).toBe('UTC');
  });

  it('returns a name Intl does not know as it is, rather than a wrong label', () => {
    expect(timeZoneLabel('Mars/Olympus_Mons', JANUARY)).toBe('Mars/Olympus_Mons');
  });
});

describe('formatTime', () => {
  const instant = new Date('2026-11-22T16:05:09Z');

  it.each([
    ['Asia/Jakarta', '23:05'],
    ['Asia/Makassar', '00:05'],
    ['Asia/Jayapura', '01:05'],
  ])('says the time in %s: %s', (zone, time) => {
    expect(formatTime(instant, zone)).toBe(time);
  });

  it('says the seconds when asked', () => {
    expect(formatTime(instant, 'Asia/Makassar', true)).toBe('00:05:09');
  });
});
