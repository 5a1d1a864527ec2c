import axe, { type Result } from 'axe-core';
import type { Page } from '@playwright/test';

/** The rules the kiosk is held to: WCAG 2.2 level A and AA. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe-core finds against WCAG 2.2 AA on the page as it is now. axe runs inside the page
 * with `axe.run`, its source injected once per document: @axe-core/playwright injects it again
 * on every call and finishes each run in a new blank page, which took about ten times as long.
 * The kiosk has no frames, so nothing is missed by running in the top document alone.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (values) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values },
      }),
    WCAG_22_AA,
  );
  return results.violations;
}

/** One line per violation: the rule and the elements it found, for a failure message. */
export function describeViolations(violations: Result[]): string[] {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
