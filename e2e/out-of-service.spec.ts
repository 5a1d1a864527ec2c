import { checkScreen } from './support/check-screen.ts';
import { expect, test } from './support/fixtures.ts';

// A journal folder that cannot be made (its parent is a device file): nothing can be journaled.
test.use({ kioskConfig: { journal: { dir: '/dev/null/journal' } } });

test('a kiosk whose journal cannot be written shows out of service in both languages, with no start', async ({
  page,
  kiosk,
}) => {
  expect(kiosk.url).toBeTruthy(); // the stack runs, with its journal where it cannot be written
  await expect(
    page.getByRole('heading', { name: 'Kios ini untuk sementara tidak dapat melayani' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mulai' })).toHaveCount(0);
  await page.keyboard.press('Enter'); // the keypad's start key starts nothing either
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'outOfService');
  await checkScreen(page, 'out-of-service-id', 'landscape');

  await page.keyboard.press('*');
  await expect(
    page.getByRole('heading', { name: 'This kiosk is temporarily out of service' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start' })).toHaveCount(0);
  await checkScreen(page, 'out-of-service-en', 'landscape');
});
