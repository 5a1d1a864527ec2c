import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../../test-support/fuzz';
import { maskName } from './mask';

describe('maskName', () => {
  it('keeps the first word of a longer name and the first letter of the others', () => {
    expect(maskName('BUDI SANTOSO WIBOWO')).toBe('BUDI S****** W*****');
    expect(maskName('  SITI   RAHAYU ')).toBe('SITI R*****');
  });

  it('masks a single-word name too: it would otherwise be shown and printed in full', () => {
    expect(maskName('SUPARMAN')).toBe('S*******');
    expect(maskName('Suparman')).toBe('S*******');
  });

  it('never gives back a whole word after the first letter unless another word is masked beside it', () => {
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
