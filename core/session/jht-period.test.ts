import { describe, expect, it } from 'vitest';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import { balanceViewOf } from './session-view';

const withDates = (asOf: string, membershipStart: string) =>
  balanceViewOf({
    ...SAMPLE_SUMMARY,
    participant: { ...SAMPLE_SUMMARY.participant, membershipStart },
    jht: { ...SAMPLE_SUMMARY.jht, asOf },
  });

describe('the period the JHT breakdown covers', () => {
  it('is the statement year from January to the statement month, not a lifetime total', () => {
    expect(withDates('2026-10-31', '2012-03').jhtPeriod).toEqual({
      from: '2026-01',
      to: '2026-10',
    });
  });

  it('starts with the first month of membership for someone who joined that year', () => {
    expect(withDates('2026-10-31', '2026-04').jhtPeriod).toEqual({
      from: '2026-04',
      to: '2026-10',
    });
  });
});
