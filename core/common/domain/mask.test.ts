import { describe, expect, it } from 'vitest';
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
});
