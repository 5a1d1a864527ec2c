import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { axeViolations, describeViolations } from './axe.ts';

const screenshotDir = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';

/** No axe violation (WCAG 2.2 AA rules), no horizontal overflow, and a screenshot for the README. */
export async function checkScreen(page: Page, name: string, resolution: string): Promise<void> {
  await page.waitForTimeout(100);
  expect(describeViolations(await axeViolations(page)), `axe violations on ${name}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${resolution}-${name}.png`) });
}
