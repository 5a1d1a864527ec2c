import { describe, expect, it } from 'vitest';
import { cardReferenceOf, maskedPanOf } from '../common/domain/card-reference';
import { CardReference } from './host-api';

/** The kiosk's card reference (core/common) is what the bank link's schema takes. */
describe('cardReferenceOf', () => {
  it('keeps the first six and last four digits of a 12 to 19 digit PAN', () => {
    expect(cardReferenceOf('4761739001010010')).toBe('476173******0010');
    expect(cardReferenceOf('123456789012')).toBe('123456**9012');
    expect(cardReferenceOf('6011000990139424123')).toBe('601100*********4123');
    for (const pan of ['123456789012', '6011000990139424123']) {
      expect(CardReference.safeParse(cardReferenceOf(pan)).success).toBe(true);
    }
    expect(() => cardReferenceOf('12345678901')).toThrow();
    expect(() => cardReferenceOf('4761 7390 0101 0010')).toThrow();
  });

  it('the screen shows the last four digits only', () => {
    expect(maskedPanOf('4761739001010010')).toBe('************0010');
  });
});
