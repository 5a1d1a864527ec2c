import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, describeViolations } from './support/axe.ts';
import { expect, test, toBalanceByTouch } from './support/fixtures.ts';
import { measureLayout } from './support/layout-guard.ts';

/**
 * Each example theme of docs/themes/ on a running kiosk: the bank's name and logo in the header,
 * its primary colour on the buttons, the start screen clean for axe (WCAG 2.2 AA) and the layout
 * guard at the ATM sizes. Screenshots of the start and balance screens at 1024x768 go to
 * test-results/screenshots/theme-<name>-<screen>.png (docs/themes/ has copies).
 */
interface ExampleTheme {
  terminalId: string;
  language: 'id' | 'en';
  theme: { bankName: string; logo: string; colors: { primary: string } };
}

const THEMES_DIR = resolve(import.meta.dirname, '../docs/themes');
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';
const ATM_SIZES = [
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
];

/** `#0a4fa3` as getComputedStyle reports it: `rgb(10, 79, 163)`. */
const rgbOf = (hex: string) =>
  `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

async function shoot(page: Page, name: string, screen: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(ATM_SIZES[0]!);
  await page.screenshot({ path: join(SCREENSHOTS, `theme-${name}-${screen}.png`) });
}

for (const name of ['green-state-bank', 'blue-bank']) {
  test.describe(`the ${name} example theme`, () => {
    const file = join(THEMES_DIR, name, 'kiosk.json');
    const example = JSON.parse(readFileSync(file, 'utf8')) as ExampleTheme;
    // The kiosk reads it relative to the config file; the stack gets the config as an object.
    const theme = { ...example.theme, logo: resolve(dirname(file), example.theme.logo) };
    test.use({
      kioskConfig: { terminalId: example.terminalId, language: example.language, theme },
    });

    test('brands the header and the start screen, which stay clean for axe at ATM sizes', async ({
      page,
      kiosk,
    }) => {
      const header = page.locator('header');
      await expect(header).toContainText(theme.bankName);
      const logo = header.locator('img[data-logo]');
      await expect(logo).toHaveAttribute('src', /^\/theme\/logo\.(png|svg)$/);
      // Loaded, so it came through the shell under the page's CSP.
      await expect
        .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      const start = page.getByRole('button', { name: /^(Mulai|Start)$/ });
      await expect(start).toHaveCSS('background-color', rgbOf(theme.colors.primary));

      for (const size of ATM_SIZES) {
        await page.setViewportSize(size);
        expect(describeViolations(await axeViolations(page)), `axe at ${size.width}`).toEqual([]);
        expect(await measureLayout(page), `layout at ${size.width}`).toEqual([]);
      }
      await shoot(page, name, 'attract');

      await start.click();
      await toBalanceByTouch(
        page,
        kiosk.fixtures.active,
        example.language === 'en' ? 'Continue' : 'Lanjut',
      );
      await shoot(page, name, 'balance');
    });
  });
}

test.describe('a theme with one language', () => {
  test.use({ kioskConfig: { theme: { bankName: 'Bank Contoh', languages: ['id'] } } });

  test('offers no language switch: none in the header, no 1 / 2 / * in the keypad legend', async ({
    page,
    kiosk: _kiosk,
  }) => {
    await expect(page.locator('header')).toContainText('Bank Contoh');
    await expect(page.getByRole('button', { name: 'Switch to English' })).toHaveCount(0);
    const legend = page.getByRole('region', { name: 'Dengan keypad' });
    await expect(legend).toContainText('Panduan suara');
    await expect(legend).not.toContainText('English');
    await expect(legend).not.toContainText('Ganti bahasa');
  });
});
