import { describe, expect, it } from 'vitest';
import { composeBalanceReceipt } from '../receipt/compose-balance-receipt';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import { balanceViewOf } from './session-view';

describe('a single-word name', () => {
  it('is masked the same way on the balance screen and on the receipt', () => {
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
    });
    const printed = JSON.stringify(receipt.elements);
    expect(screen).toBe('S*******');
    expect(printed).toContain(screen);
    expect(printed).not.toContain('SUPARMAN');
  });
});
