import type { Page } from '@playwright/test';
import { expect, tapDigits, test, toBalanceByTouch } from './support/fixtures.ts';
import { rupiah } from './support/devices.ts';

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

test('an inactive membership is explained in English, with the balance', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.inactive;
  await startInEnglish(page);
  await toBalanceByTouch(page, person, 'Continue');
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
  await expect(
    page.getByText(
      'Membership is inactive: contributions are no longer paid. Your balance is kept and still grows.',
    ),
  ).toBeVisible();
});

test.describe('idle time-out in English', () => {
  test.use({ kioskConfig: { session: { idleTimeoutSeconds: 22, idleWarningSeconds: 20 } } });

  test('warns in English, then clears the balance and the next person starts in Bahasa Indonesia', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await startInEnglish(page);
    await toBalanceByTouch(page, person, 'Continue');
    const dialog = page.getByRole('alertdialog', { name: 'Time is almost up' });
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    await expect(dialog).toContainText(/Your session ends in \d+ seconds\./);
    await expect(dialog.getByRole('button', { name: 'More time' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 30_000 });
    expect(await page.content()).not.toContain(rupiah(person.closingBalance));
  });
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
