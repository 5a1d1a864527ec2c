import { describe, expect, it } from 'vitest';
import { calendarDay, PARTICIPANT_AGE, parseBirthDate } from './birth-date';

const TODAY = new Date('2026-12-02T03:00:00Z');

describe('parseBirthDate', () => {
  it('accepts a real date of a person of working age', () => {
    expect(parseBirthDate('29-02-1992', TODAY)).toEqual({ ok: true, iso: '1992-02-29' });
    expect(parseBirthDate('02121926', TODAY)).toEqual({ ok: true, iso: '1926-12-02' });
  });

  it('names what is wrong: no such day, in the future, or an age the programme does not allow', () => {
    expect(parseBirthDate('31022000', TODAY)).toEqual({ ok: false, reason: 'notADate' });
    expect(parseBirthDate('29022001', TODAY)).toEqual({ ok: false, reason: 'notADate' });
    expect(parseBirthDate('03122026', TODAY)).toEqual({ ok: false, reason: 'inFuture' });
    // Today's date (a slip people make) is not a participant's birth date.
    expect(parseBirthDate('02122026', TODAY)).toEqual({ ok: false, reason: 'ageOutOfRange' });
    expect(parseBirthDate('0312', TODAY)).toEqual({ ok: false, reason: 'incomplete' });
  });

  it("takes today in the kiosk's time zone: 01:00 WIB is already the next day", () => {
    const lateUtc = new Date('2026-12-01T18:00:00Z');
    expect(calendarDay(lateUtc, 'Asia/Jakarta').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseBirthDate('02122026', calendarDay(lateUtc, 'Asia/Jakarta'))).toEqual({
      ok: false,
      reason: 'ageOutOfRange',
    });
  });

  it('keeps the age bounds at 15 to 100 years, to the day', () => {
    expect(PARTICIPANT_AGE).toEqual({ min: 15, max: 100 });
    expect(parseBirthDate('02122011', TODAY).ok).toBe(true); // 15 today
    expect(parseBirthDate('03122011', TODAY)).toEqual({ ok: false, reason: 'ageOutOfRange' });
    expect(parseBirthDate('03121925', TODAY).ok).toBe(true); // 100, 101 tomorrow
    expect(parseBirthDate('02121925', TODAY)).toEqual({ ok: false, reason: 'ageOutOfRange' });
  });
});
