import { describe, expect, it } from 'vitest';
import { fdkLayout } from './fdk-layout';

describe('where the FDKs sit', () => {
  it('1-4 down the left edge, 5-8 down the right, in order, only those configured', () => {
    expect(fdkLayout({ '8': 'enter', '1': '1', '5': '4' })).toEqual([
      { fdk: 1, side: 'left', row: 1, key: '1' },
      { fdk: 5, side: 'right', row: 1, key: '4' },
      { fdk: 8, side: 'right', row: 4, key: 'enter' },
    ]);
    expect(fdkLayout({})).toEqual([]);
  });
});
