import { describe, expect, it } from 'vitest';
import { compareToBaseline } from './compare';
import { measured, notAvailable, type RowSpec } from './figure';

const coldStart: RowSpec = { id: 'coldStart', label: 'cold start', unit: 'ms', budget: 1500 };
const bridge: RowSpec = { id: 'bridge', label: 'bridge', unit: 'ms' };

describe('compareToBaseline', () => {
  it('flags a figure more than 20 % worse than the baseline', () => {
    const [result] = compareToBaseline(
      [measured(coldStart, [1250])],
      [measured(coldStart, [1000])],
    );
    expect(result).toMatchObject({ baseline: 1000, latest: 1250, regression: true });
    expect(result!.change).toBeCloseTo(0.25);
  });

  it('does not flag 20 % or less, nor any improvement', () => {
    const results = compareToBaseline(
      [measured(coldStart, [1200]), measured({ ...bridge, id: 'faster' }, [5])],
      [measured(coldStart, [1000]), measured({ ...bridge, id: 'faster' }, [10])],
    );
    expect(results.map((r) => r.regression)).toEqual([false, false]);
  });

  it('ignores sub-millisecond noise even when the share is large', () => {
    const [result] = compareToBaseline([measured(bridge, [0.4])], [measured(bridge, [0.3])]);
    expect(result!.regression).toBe(false);
  });

  it('treats more growth than a negative baseline growth as worse', () => {
    const growth: RowSpec = { id: 'growth', label: 'growth', unit: 'MB', budget: 5 };
    const [result] = compareToBaseline([measured(growth, [2])], [measured(growth, [-3])]);
    expect(result!.change).toBeGreaterThan(0);
    expect(result!.regression).toBe(true);
  });

  it('skips figures missing on either side or not available', () => {
    const results = compareToBaseline(
      [measured(coldStart, [900]), notAvailable(bridge, 'no simulator')],
      [measured(bridge, [1])],
    );
    expect(results).toEqual([]);
  });
});
