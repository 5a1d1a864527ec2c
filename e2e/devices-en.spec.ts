import type { Page } from '@playwright/test';
import { checkScreen } from './support/check-screen.ts';
import { expect, test, type KioskStack } from './support/fixtures.ts';
import { devicesOnline, rupiah } from './support/devices.ts';

/**
 * The device and printing flows in English (devices.spec.ts has them in Bahasa Indonesia):
 * card and pin pad to the balance, the receipt, the card reminder, and paper out. Every message
 * is the English catalog's; each new screen is checked with axe.
 */
test.use({ kioskConfig: { simulateDevices: true } });

const shot = (page: Page, name: string) => checkScreen(page, `devices-en-${name}`, 'square');

/** English on the start screen, then the card and the birth date on the pin pad. */
async function toBalanceInEnglish(page: Page, kiosk: KioskStack): Promise<void> {
  const person = kiosk.fixtures.active;
  await devicesOnline(kiosk);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Check your JHT balance' })).toBeVisible();
  await kiosk.devices('POST', '/api/card', { action: 'insert', card: 'active' });
  await expect(
    page.getByRole('heading', { name: 'Enter your date of birth (DD-MM-YYYY)' }),
  ).toBeVisible();
  await kiosk.devices('POST', '/api/pinpad', { keys: person.birthDate.replace(/-/g, '') });
  await expect(page.getByTestId('entry-value')).toHaveText(person.birthDate);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByRole('heading', { name: 'JHT balance', exact: true })).toBeVisible();
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
}

test('card and pin pad to the balance, an English receipt, and the card reminder, in English', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await toBalanceInEnglish(page, kiosk);
  await shot(page, '01-balance');

  await page.getByRole('button', { name: /Print receipt/ }).click();
  await expect(page.getByRole('heading', { name: 'Please take your receipt' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/Reference number: KSKDEV01-\d{8}-\d{4}/);
  await shot(page, '02-take-receipt');

  // The receipt follows the session's language (core/receipt/receipt-texts.ts); amounts stay in
  // Indonesian Rupiah format, and nothing personal is printed in full.
  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  expect(receipts).toHaveLength(1);
  const text = receipts[0]!.join('\n');
  expect(text).toContain('JHT Balance Information');
  expect(text).toMatch(/KPJ No\.\s+\*{7}2128/);
  expect(text).toMatch(/Membership Status\s+Active/);
  expect(text).toMatch(/Closing Balance\s+Rp 33\.146\.852/);
  expect(text).toMatch(/Reference No\.\s+KSKDEV01-\d{8}-\d{4}/);
  expect(text).toContain('This is not a proof of withdrawal.');
  expect(text).not.toContain('Saldo Akhir');
  expect(text).not.toContain(person.kpj);
  expect(text).not.toContain(person.birthDate);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByRole('heading', { name: 'Would you like another transaction?' }),
  ).toBeVisible();
  await shot(page, '03-another-transaction');
  await page.getByRole('button', { name: /^No/ }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(page.getByText('Please take your card.')).toBeVisible();
  await shot(page, '04-thank-you-take-card');
  // The next person is greeted in Bahasa Indonesia again.
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
});

test('paper out: printing is offered as unavailable, with the reason, in English', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await toBalanceInEnglish(page, kiosk);
  await expect(page.getByRole('button', { name: /Print receipt/ })).toBeVisible();

  await kiosk.devices('POST', '/api/printer', { paper: 'out' });
  await expect(page.getByRole('status')).toHaveText(
    /^A receipt cannot be printed right now: The receipt paper has run out\.\s+You can still see your balance on this screen\.$/,
  );
  await expect(page.getByRole('button', { name: /Print receipt/ })).toHaveCount(0);
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await shot(page, '05-balance-paper-out');
  // 3 on the pin pad (the print menu number) does nothing while there is no paper. The pad's
  // keys arrive in order, so the 1 behind it opening the history proves the 3 was handled on
  // the balance (a print would have left it, and the 1 would open nothing).
  await kiosk.devices('POST', '/api/pinpad', { keys: '31' });
  await expect(page.getByRole('heading', { name: 'Contribution details' })).toBeVisible();
  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  expect(receipts).toHaveLength(0);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByRole('heading', { name: 'JHT balance', exact: true })).toBeVisible();

  await kiosk.devices('POST', '/api/printer', { paper: 'ok' });
  await expect(page.getByRole('button', { name: /Print receipt/ })).toBeVisible();
});
