import { describe, expect, it } from 'vitest';
import { JHT_RETIREMENT_AGE } from './contribution-rates';
import {
  PROJECTION_WAGE,
  projectionWageBounds,
  projectionWageDigits,
  projectionStart,
  projectionYearsBounds,
  projectJht,
  withinBounds,
} from './projection';

describe('JHT projection rules', () => {
  it('reproduces the published Simulasi JHT figure to the rupiah', () => {
    const result = projectJht({ monthlyWage: 5_000_000, years: 5, currentBalance: 0 });
    expect(result.finalBalance).toBe(19_409_470);
    expect(result.totalContributions).toBe(17_100_000);
  });

  it('never runs past the retirement age: a 38-year-old projects at most 18 years', () => {
    expect(JHT_RETIREMENT_AGE).toBe(56);
    expect(projectionYearsBounds(38)).toEqual({ min: 1, max: 18 });
    expect(withinBounds(30, projectionYearsBounds(38))).toBe(false);
    expect(withinBounds(18, projectionYearsBounds(38))).toBe(true);
    // At or past the retirement age there is nothing left to project.
    expect(projectionYearsBounds(56).max).toBe(0);
    expect(projectionYearsBounds(60).max).toBe(0);
  });

  it('starts at the current wage up to the retirement age; an inactive member without contributions', () => {
    expect(
      projectionStart({ age: 38, currentWage: 5_500_000, membershipStatus: 'active' }),
    ).toEqual({ wage: 5_500_000, years: 18 });
    expect(
      projectionStart({ age: 47, currentWage: 4_250_000, membershipStatus: 'inactive' }),
    ).toEqual({ wage: 0, years: 9 });
    const inactive = projectJht({ monthlyWage: 0, years: 9, currentBalance: 10_000_000 });
    expect(inactive.totalContributions).toBe(0);
    expect(inactive.finalBalance).toBe(Math.round(10_000_000 * 1.05 ** 9));
  });

  it('bounds the wage: Rp 99 and Rp 9.999.999.999 are slips, a wage of Rp 1 to 100 juta is not', () => {
    expect(withinBounds(99, PROJECTION_WAGE)).toBe(false);
    expect(withinBounds(9_999_999_999, PROJECTION_WAGE)).toBe(false);
    expect(withinBounds(1_000_000, PROJECTION_WAGE)).toBe(true);
    expect(withinBounds(24_750_000, PROJECTION_WAGE)).toBe(true);
    expect(withinBounds(100_000_000, PROJECTION_WAGE)).toBe(true);
    expect(projectionWageDigits(PROJECTION_WAGE)).toBe(9);
  });

  it("accepts a participant's own wage above the guard: a real wage is never a slip", () => {
    const bounds = projectionWageBounds(150_000_000);
    expect(withinBounds(150_000_000, bounds)).toBe(true);
    expect(withinBounds(150_000_001, bounds)).toBe(false);
    expect(projectionWageBounds(7_500_000)).toEqual(PROJECTION_WAGE);
    expect(projectionWageDigits(projectionWageBounds(1_500_000_000))).toBe(10);
  });
});
