import type { Page } from '@playwright/test';
import { expect, test, type KioskStack } from './support/fixtures.ts';
import { devicesOnline, rupiah } from './support/devices.ts';

test.use({ kioskConfig: { simulateDevices: true } });

/**
 * Card in, then, once the birth date is asked for (as a person waits for the screen: keys
 * pressed while the KPJ is looked up are not taken), the birth date typed on the pin pad.
 */
async function identifyWithCardAndPinPad(page: Page, kiosk: KioskStack): Promise<void> {
  await devicesOnline(kiosk);
  await kiosk.devices('POST', '/api/card', { action: 'insert', card: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await kiosk.devices('POST', '/api/pinpad', {
    keys: kiosk.fixtures.active.birthDate.replace(/-/g, ''),
  });
}

test('a card swipe and the pin pad drive a whole session, and the receipt prints masked', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await identifyWithCardAndPinPad(page, kiosk);
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await expect(page.getByTestId('entry-value')).toHaveText(person.birthDate);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));

  // "3" on the pin pad is the print menu item, as on the screen.
  await kiosk.devices('POST', '/api/pinpad', { keys: '3' });
  await expect(page.getByRole('heading', { name: 'Silakan ambil struk Anda' })).toBeVisible();

  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  expect(receipts).toHaveLength(1);
  const text = receipts[0]!.join('\n');
  expect(text).toMatch(/No\. KPJ\s+\*{7}2128/);
  expect(text).toMatch(/Saldo Akhir\s+Rp 33\.146\.852/);
  expect(text).toMatch(/No\. Referensi\s+KSKDEV01-\d{8}-\d{4}/);
  expect(text).not.toContain(person.kpj);
  expect(text).not.toContain(person.birthDate);
});

test('paper out during the session: printing is offered as unavailable with the reason', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await identifyWithCardAndPinPad(page, kiosk);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toBeVisible();

  await kiosk.devices('POST', '/api/printer', { paper: 'out' });
  await expect(page.getByRole('status').filter({ hasText: 'Kertas struk habis.' })).toContainText(
    'Struk tidak dapat dicetak saat ini',
  );
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toHaveCount(0);
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));

  // Paper back in: printing is offered again without restarting anything.
  await kiosk.devices('POST', '/api/printer', { paper: 'ok' });
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toBeVisible();
});

test('a scanned JMO QR code fills in the KPJ', async ({ page, kiosk }) => {
  await devicesOnline(kiosk);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await kiosk.devices('POST', '/api/scanner', { kind: 'jmoQr', fixture: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
});

test('a bank card is not taken for a KPJ', async ({ page, kiosk }) => {
  await devicesOnline(kiosk);
  await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'bankVisa' });
  await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'active' });
  // Only the KPJ card moves the flow on; the bank card before it changed nothing.
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
});
