import { checkScreen } from './support/check-screen.ts';
import { expect, tapDigits, test } from './support/fixtures.ts';

/**
 * Every screen, at a portrait and a landscape kiosk resolution, in both languages: no axe
 * violation (WCAG 2.2 AA rules), no horizontal overflow, and a screenshot for the README.
 */
const RESOLUTIONS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'square', width: 1280, height: 1024 },
];

for (const resolution of RESOLUTIONS) {
  for (const language of ['id', 'en'] as const) {
    test(`every screen is accessible and fits at ${resolution.name} ${resolution.width}x${resolution.height} (${language})`, async ({
      page,
      kiosk,
    }) => {
      test.slow();
      await page.setViewportSize({ width: resolution.width, height: resolution.height });
      const shot = (name: string) => checkScreen(page, `${language}-${name}`, resolution.name);
      const person = kiosk.fixtures.active;
      if (language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
      await shot('01-attract');

      await page.getByRole('button', { name: language === 'en' ? 'Start' : 'Mulai' }).click();
      await tapDigits(page, person.kpj.slice(0, 6));
      await shot('02-enter-kpj');
      await tapDigits(page, person.kpj.slice(6));
      await page.keyboard.press('Enter');
      // Keys pressed while the host answers are ignored, as on an ATM: wait for the next step.
      await expect(
        page.getByRole('heading', { name: /Tanggal Lahir|date of birth/ }),
      ).toBeVisible();
      await tapDigits(page, '0101');
      await shot('03-enter-birth-date');
      await page.keyboard.type('1970');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toBeVisible();
      await shot('04-wrong-birth-date');

      await page.keyboard.press('Delete');
      await page.keyboard.type(person.birthDate.replace(/-/g, ''));
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('jht-closing')).toBeVisible();
      await shot('05-balance');

      await page.keyboard.press('1');
      await expect(page.getByTestId('history-gaps')).toBeVisible();
      await shot('06-history');
      await page.keyboard.press('Enter');

      await page.keyboard.press('2');
      await expect(page.getByTestId('projection-final')).toBeVisible();
      await shot('07-projection');
      await page.keyboard.press('1');
      await shot('08-projection-edit-wage');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('status').first()).toBeVisible();
      await shot('09-thank-you');

      await expect(page.getByRole('button', { name: /^(Mulai|Start)$/ })).toBeVisible({
        timeout: 10_000,
      });
      await page.getByRole('button', { name: /^(Mulai|Start)$/ }).click();
      await tapDigits(page, kiosk.fixtures.unknownKpj);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toBeVisible();
      await shot('10-error-not-found');
    });
  }
}
