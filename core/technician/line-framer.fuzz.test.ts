import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { LineFramer } from './line-framer';

const MAX = 64;
const text = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength, maxLength }).map((t) => t.replaceAll('\n', ' '));
/** Mostly requests that fit, now and then one around or past the limit (multi-byte text too). */
const line = fc.oneof(
  { arbitrary: text(0, 40), weight: 9 },
  { arbitrary: text(30, 100), weight: 1 },
);

/** The stream cut at random places, as the socket's reads may cut it. */
function cut(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]));
}

const counts = { cases: 0, lines: 0, overlong: 0 };
afterAll(() => reportFuzzCounts('diag socket lines', counts));

describe('fuzz: the diagnostics socket reads every line however the reads cut the stream', () => {
  it('gives back exactly the lines sent, and stops at the first one over the limit', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (lines, cuts) => {
          counts.cases++;
          const framer = new LineFramer(MAX);
          const seen: string[] = [];
          let overlong = false;
          for (const chunk of cut(Buffer.from(lines.map((l) => `${l}\n`).join('')), cuts)) {
            const result = framer.push(chunk);
            seen.push(...result.lines);
            overlong = result.overlong;
          }
          const firstTooLong = lines.findIndex((l) => Buffer.byteLength(l) > MAX);
          const expected = firstTooLong < 0 ? lines : lines.slice(0, firstTooLong);
          expect(seen).toEqual(expected);
          expect(overlong).toBe(firstTooLong >= 0);
          counts.lines += seen.length;
          if (overlong) counts.overlong++;
        },
      ),
      fuzzParameters(),
    );
  });

  it('refuses an endless line without waiting for its newline', () => {
    const framer = new LineFramer(MAX);
    expect(framer.push(Buffer.from('a'.repeat(MAX)))).toEqual({ lines: [], overlong: false });
    expect(framer.push(Buffer.from('a'))).toEqual({ lines: [], overlong: true });
    expect(framer.push(Buffer.from('\n{"id":1}\n'))).toEqual({ lines: [], overlong: true });
  });
});
