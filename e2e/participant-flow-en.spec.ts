import type { Page } from '@playwright/test';
import { expect, tapDigits, test } from './support/fixtures.ts';

/** The participant flows again, in English: every message comes from the English catalog. */

async function startInEnglish(page: Page) {
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your KPJ number' })).toBeVisible();
}

test('an unknown KPJ is explained in English', async ({ page, kiosk }) => {
  await startInEnglish(page);
  await tapDigits(page, kiosk.fixtures.unknownKpj);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This KPJ number is not registered. Please check the number on your card.',
  );
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your KPJ number' })).toBeVisible();
});

test('wrong dates of birth count down and lock, in English', async ({ page, kiosk }) => {
  await startInEnglish(page);
  await tapDigits(page, kiosk.fixtures.active.kpj);
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const message of [
    'Wrong date of birth. 2 attempts left.',
    'Wrong date of birth. 1 attempt left.',
  ]) {
    await expect(page.getByRole('heading', { name: /Enter your date of birth/ })).toBeVisible();
    await tapDigits(page, '01011970');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText(message);
  }
  await tapDigits(page, '01011970');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Temporarily locked' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Please try again after');
});

test('a host outage is explained in English', async ({ page, kiosk }) => {
  await kiosk.setHostFaults({ status: 503 });
  await startInEnglish(page);
  await tapDigits(page, kiosk.fixtures.active.kpj);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The service is not available right now. Please try again shortly.',
  );
});

test('cancel says thank you in English and the next person starts in Bahasa Indonesia', async ({
  page,
  kiosk,
}) => {
  expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  await startInEnglish(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
});

test.describe('with a one-time code', () => {
  test.use({ kioskConfig: { verification: { otp: true } } });

  test('the OTP step reads in English', async ({ page, kiosk }) => {
    const person = kiosk.fixtures.active;
    await startInEnglish(page);
    await tapDigits(page, person.kpj);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: /Enter your date of birth/ })).toBeVisible();
    await tapDigits(page, person.birthDate.replace(/-/g, ''));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Enter the OTP code' })).toBeVisible();
    await expect(page.getByText(/An OTP code has been sent to \*{4}\d{4}/)).toBeVisible();
  });
});
