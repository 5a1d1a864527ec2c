import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../../test-support/fuzz';
import { contrastRatio, relativeLuminance } from './contrast';
import { REQUIRED_CONTRAST } from './contrast-pairs';

const hexColor = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('WCAG contrast', () => {
  it('gives the figures the WCAG definitions give', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // WebAIM's checker: #767676 on white is the lightest grey at 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('does not depend on which colour is the text', () => {
    fc.assert(
      fc.property(hexColor, hexColor, (a, b) => contrastRatio(a, b) === contrastRatio(b, a)),
      fuzzParameters(),
    );
  });

  it('a colour against itself always fails every minimum', () => {
    const lowest = Math.min(...Object.values(REQUIRED_CONTRAST));
    fc.assert(
      fc.property(hexColor, (color) => contrastRatio(color, color) < lowest),
      fuzzParameters(),
    );
  });
});
