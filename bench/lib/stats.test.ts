import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from './stats';

describe('percentile', () => {
  it('takes the middle sample of an odd count and averages the two middle ones of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between ranks, so p95 of 1..100 lies between the 95th and 96th values', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBeCloseTo(95.05, 10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and a percentile outside 0..100', () => {
    expect(() => median([])).toThrow(/no samples/);
    expect(() => percentile([1], 101)).toThrow(/out of range/);
  });
});

describe('summarize', () => {
  it('gives median, min and max', () => {
    expect(summarize([10, 30, 20, 50])).toEqual({ median: 25, min: 10, max: 50 });
  });
});
