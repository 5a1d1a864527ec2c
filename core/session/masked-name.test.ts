import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../test-support/fuzz';
import { maskName } from '../common/domain/mask';
import { composeBalanceReceipt } from '../receipt/compose-balance-receipt';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import { balanceViewOf } from './session-view';

describe('masked names', () => {
  it('a single-word name is masked the same way on the balance screen and on the receipt', () => {
    const summary = {
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, name: 'SUPARMAN' },
    };
    const screen = balanceViewOf(summary).maskedName;
    const receipt = composeBalanceReceipt({
      summary,
      terminalId: 'KSK01',
      reference: 'KSK01-20261122-0042',
      printedAt: new Date('2026-11-22T07:05:00Z'),
      language: 'id',
      columns: 42,
    });
    const printed = JSON.stringify(receipt.elements);
    expect(screen).toBe('S*******');
    expect(printed).toContain(screen);
    expect(printed).not.toContain('SUPARMAN');
  });

  it('no name is shown whole: at most its first word, and only beside a masked word', () => {
    const word = fc.stringMatching(/^[A-Z]{2,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const masked = maskName(words.join(' ')).split(' ');
        expect(masked).toHaveLength(words.length);
        const whole = masked.filter((m, i) => m === words[i]);
        expect(whole.length).toBeLessThanOrEqual(words.length > 1 ? 1 : 0);
        masked.forEach((m, i) => expect(m[0]).toBe(words[i]![0]));
      }),
      fuzzParameters(),
    );
  });
});
