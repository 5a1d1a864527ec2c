import { describe, expect, it } from 'vitest';
import { JournalEntry, JOURNAL_RECORD_TYPES, personalDataProblem } from './journal-entry';

const refused = (value: unknown) => !JournalEntry.safeParse(value).success;

describe('JournalEntry schema (privacy guard)', () => {
  it('accepts every record type in its documented shape', () => {
    const samples: unknown[] = [
      { type: 'sessionStarted', data: { sessionId: 's-1' } },
      { type: 'identified', data: { sessionId: 's-1', method: 'card', kpjLast4: '2128' } },
      {
        type: 'verificationResult',
        data: { sessionId: 's-1', result: 'failed', attemptsLeft: 2 },
      },
      { type: 'balanceDisplayed', data: { sessionId: 's-1', shown: false } },
      { type: 'cardRetained', data: { sessionId: 's-1', reason: 'pinTriesExceeded' } },
      {
        type: 'receiptPrinted',
        data: { sessionId: 's-1', reference: 'KSK01-20261122-0042', outcome: 'printed' },
      },
      { type: 'sessionEnded', data: { sessionId: 's-1', reason: 'timeout' } },
      { type: 'deviceFault', data: { device: 'printer', fault: 'paper out' } },
      { type: 'deviceRecovered', data: { device: 'printer' } },
      { type: 'hostError', data: { kind: 'timeout' } },
      { type: 'technicianAction', data: { action: 'printTestPage' } },
      { type: 'journalWarning', data: { message: 'near cap' } },
      { type: 'recordRefused', data: { recordType: 'sessionStarted', fields: ['data.sessionId'] } },
      { type: 'outOfService', data: { reasons: ['hostUnreachable'], devicesDown: [] } },
      { type: 'backInService', data: { reasons: ['requiredDeviceDown'], seconds: 95 } },
      { type: 'kioskStarted', data: { version: '0.1.0' } },
      { type: 'kioskStopped' },
    ];
    for (const sample of samples) expect(JournalEntry.safeParse(sample).error).toBeUndefined();
    expect(new Set(samples.map((s) => (s as { type: string }).type))).toEqual(
      new Set(JOURNAL_RECORD_TYPES),
    );
  });

  it('refuses a full KPJ where only its last four digits belong', () => {
    expect(
      refused({
        type: 'identified',
        data: { sessionId: 's-1', method: 'keypad', kpjLast4: '12345672128' },
      }),
    ).toBe(true);
    expect(
      refused({
        type: 'identified',
        data: { sessionId: 's-1', method: 'keypad', kpjLast4: '212' },
      }),
    ).toBe(true);
  });

  it('refuses fields that do not exist: kpj, name, birth date, NIK, PIN, PAN, track, balance', () => {
    const base = { sessionId: 's-1', method: 'keypad', kpjLast4: '2128' };
    for (const extra of [
      { kpj: '12345672128' },
      { name: 'BUDI SANTOSO' },
      { birthDate: '07-03-1985' },
      { nik: '3174011203850001' },
      { pin: '1234' },
      { pan: '4111111111111111' },
      { track2: ';4111111111111111=2812101?' },
      { balance: 12_345_679 },
    ])
      expect(refused({ type: 'identified', data: { ...base, ...extra } })).toBe(true);
    expect(refused({ type: 'sessionStarted', data: { sessionId: 's-1' }, name: 'BUDI' })).toBe(
      true,
    );
  });

  it('refuses any text with 11 or more consecutive digits, and says why without the digits', () => {
    const result = JournalEntry.safeParse({
      type: 'deviceFault',
      data: { device: 'cardReader', fault: 'bad track for 4111111111111111' },
    });
    expect(result.success).toBe(false);
    const message = JSON.stringify(result.error?.issues);
    expect(message).toContain('11 or more consecutive digits');
    expect(message).not.toContain('4111111111111111');
    expect(refused({ type: 'journalWarning', data: { message: 'KPJ 12345672128' } })).toBe(true);
    expect(refused({ type: 'sessionStarted', data: { sessionId: 'x12345678901' } })).toBe(true);
    // Ten digits (a phone-length fragment, a date-stamped reference) are still allowed.
    expect(refused({ type: 'journalWarning', data: { message: 'code 1234567890' } })).toBe(false);
  });

  it('refuses a rupiah amount in free text', () => {
    expect(personalDataProblem('saldo Rp 12.345.679')).toMatch(/rupiah/);
    expect(
      refused({ type: 'technicianAction', data: { action: 'note', detail: 'shown Rp12345' } }),
    ).toBe(true);
  });
});
