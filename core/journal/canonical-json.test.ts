import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: true, c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":true},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ z: [1, { y: 2, x: 1 }], a: null })).toBe(
      canonicalJson({ a: null, z: [1, { x: 1, y: 2 }] }),
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
  });
});
