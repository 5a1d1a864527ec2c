import { describe, expect, it } from 'vitest';
import { measured, notAvailable } from './figure';
import { figuresTable } from './markdown-report';

const spec = { id: 'touch.p95', label: 'tap p95', unit: 'ms' as const, budget: 33 };

describe('figure rows', () => {
  it('passes when the median of the runs is within budget, even if one run is over', () => {
    expect(measured(spec, [30, 31, 40])).toMatchObject({
      median: 31,
      min: 30,
      max: 40,
      status: 'pass',
    });
    expect(measured(spec, [34, 35, 20]).status).toBe('over');
  });

  it('marks rows without a budget as context and missing parts as not available', () => {
    expect(measured({ ...spec, budget: undefined }, [1]).status).toBe('info');
    const missing = notAvailable(spec, 'no device manager');
    expect(missing).toMatchObject({ median: null, status: 'notAvailable' });
    expect(missing.note).toBe('not available yet: no device manager');
  });

  it('shows over-budget and unavailable rows in the table', () => {
    const table = figuresTable([measured(spec, [50]), notAvailable(spec, 'later')]);
    expect(table).toContain('| tap p95 | 50.0 ms | 50.0 ms | 50.0 ms | ≤ 33.0 ms | **over** | 1 |');
    expect(table).toContain('| n/a |  | not available yet: later |');
  });
});
