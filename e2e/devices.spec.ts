import { expect, test } from './support/fixtures.ts';
import {
  devicesOnline,
  confirmAndPrintReceipt,
  identifyWithCardAndPinPad,
  rupiah,
} from './support/devices.ts';

test.use({ kioskConfig: { simulateDevices: true } });

test('a card swipe and the pin pad drive a whole session, and the receipt prints masked', async ({
  page,
  kiosk,
}) => {
  await identifyWithCardAndPinPad(page, kiosk);
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await confirmAndPrintReceipt(page, kiosk);
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
