import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n';

const LANGUAGES = ['id', 'en'] as const;
const ZONE_ABBREVIATION = /\b(WIB|WITA|WIT)\b/;

/** Every text a catalog can produce: its strings, and each function called with placeholders. */
function everyText(language: 'id' | 'en'): Array<[string, string]> {
  return Object.entries(messagesFor(language)).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? (value as (...args: unknown[]) => string)(...Array.from({ length: value.length }, () => 1))
      : String(value),
  ]);
}

describe('the time zone on screen', () => {
  it.each(LANGUAGES)('no %s message names a zone of its own: the kiosk says which', (language) => {
    const named = everyText(language).filter(([, text]) => ZONE_ABBREVIATION.test(text));
    expect(named).toEqual([]);
  });

  it.each(LANGUAGES)(
    'the %s locked messages say the time with the label they are given',
    (language) => {
      const t = messagesFor(language);
      expect(t.lockedBody('15:20', 'WITA')).toContain('15:20 WITA.');
      expect(t.techLocked('15:20', 'WIT')).toContain('15:20 WIT.');
    },
  );
});

describe("the technician screen's words", () => {
  it('says device states and counters in Indonesian and English, unknown ones as they came', () => {
    const id = messagesFor('id');
    const en = messagesFor('en');
    expect(id.techDeviceState('noDevice')).toBe('Tidak terdeteksi');
    expect(en.techDeviceState('noDevice')).toBe('Not detected');
    expect(id.techCounter('linkLosses')).toBe('Koneksi putus');
    expect(en.techCounter('linkLosses')).toBe('Link losses');
    // The manager counts prints on the printer it hands the kiosk: shown in words, not as keys.
    expect(id.techCounter('receiptsPrinted')).toBe('Struk tercetak');
    expect(en.techCounter('printFailures')).toBe('Failed prints');
    expect(id.techDeviceState('warmingUp')).toBe('warmingUp');
    // XFS4IoT services report states serial devices never do; each has words of its own.
    for (const state of ['powerOff', 'userError', 'fraudAttempt', 'potentialFraud', 'starting']) {
      expect(id.techDeviceState(state)).not.toBe(state);
      expect(en.techDeviceState(state)).not.toBe(state);
    }
    expect(en.techDeviceState('fraudAttempt')).toBe('Fraud attempt detected');
    expect(id.techDeviceState('powerOff')).toBe('Daya mati');
    expect(en.techCounter('jams')).toBe('jams');
  });

  it('says the uptime and the zone in the screen language', () => {
    expect(messagesFor('id').techUptimeMinutes(42)).toBe('42 menit');
    expect(messagesFor('en').techUptimeMinutes(42)).toBe('42 min');
    expect(messagesFor('id').techTimeZoneValue('Asia/Makassar', 'WITA')).toBe(
      'WITA (Asia/Makassar)',
    );
  });
});
