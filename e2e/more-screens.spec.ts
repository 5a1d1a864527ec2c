import type { Page } from '@playwright/test';
import { checkScreen } from './support/check-screen.ts';
import { expect, tapDigits, test, type KioskStack } from './support/fixtures.ts';
import { devicesOnline } from './support/devices.ts';

/**
 * The screens the main walk-through does not reach, each checked with axe in portrait:
 * one-time code, printing and its follow-ups, a failed print, locked, card reminder, technician.
 */
test.use({
  viewport: { width: 1080, height: 1920 },
  kioskConfig: { simulateDevices: true, verification: { otp: true }, technicianPin: '2468' },
});

const shot = (page: Page, name: string) => checkScreen(page, `more-${name}`, 'portrait');

async function toBalanceWithOtp(page: Page, kiosk: KioskStack) {
  const person = kiosk.fixtures.active;
  await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await tapDigits(page, person.birthDate.replace(/-/g, ''));
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Kode OTP' })).toBeVisible();
  await shot(page, '01-otp');
  const response = await fetch(`${kiosk.hostUrl}/sim/otp?kpj=${person.kpj}`);
  const { code } = (await response.json()) as { code: string };
  await tapDigits(page, code);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByTestId('jht-closing')).toBeVisible();
}

test('OTP, printing, another transaction and the card reminder are accessible', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  await toBalanceWithOtp(page, kiosk);
  await page.getByRole('button', { name: /Cetak Struk/ }).click();
  await expect(page.getByRole('heading', { name: 'Silakan ambil struk Anda' })).toBeVisible();
  await shot(page, '02-take-receipt');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /transaksi lain/ })).toBeVisible();
  await shot(page, '03-another-transaction');
  await page.getByRole('button', { name: /Tidak/ }).click();
  await expect(page.getByText('Silakan ambil kartu Anda.')).toBeVisible();
  await shot(page, '04-thank-you-take-card');
});

test('a print that fails for lack of paper is explained and the balance stays available', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  await toBalanceWithOtp(page, kiosk);
  await kiosk.devices('POST', '/api/printer', { paper: 'out' });
  await expect(
    page.getByText(/Struk tidak dapat dicetak saat ini: Kertas struk habis/),
  ).toBeVisible();
  await shot(page, '05-balance-printer-out');
});

test('locked and technician screens are accessible', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  for (let attempt = 0; attempt < 3; attempt++) {
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await tapDigits(page, '01011970');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    if (attempt < 2) await expect(page.getByRole('alert')).toContainText('Sisa');
  }
  await expect(page.getByRole('heading', { name: 'Akses dikunci sementara' })).toBeVisible();
  await shot(page, '06-locked');
  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });

  const { width, height } = page.viewportSize()!;
  for (const [x, y] of [
    [5, 5],
    [width - 5, 5],
    [width - 5, height - 5],
    [5, height - 5],
  ] as const)
    await page.mouse.click(x, y);
  await expect(page.getByRole('heading', { name: 'Mode Teknisi' })).toBeVisible();
  await shot(page, '07-technician-pin');
  await tapDigits(page, '2468');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();
  await expect(page.getByTestId('tech-device-printer')).toContainText('online');
  await shot(page, '08-technician');
  await page.getByRole('button', { name: 'Cetak Halaman Tes' }).click();
  await expect(page.getByTestId('tech-result')).toContainText('✓');

  // Keypad test: plain entry shows key names (never used in PIN mode).
  await page.getByRole('button', { name: 'Tes Keypad' }).click();
  await kiosk.devices('POST', '/api/pinpad', { keys: '123E' });
  await expect(page.getByTestId('tech-result')).toContainText('Tombol diterima: 1 2 3 enter');

  // PIN entry test: encrypting entry; the digit count and format only, never a digit.
  await page.getByRole('button', { name: 'Tes PIN', exact: true }).click();
  await kiosk.devices('POST', '/api/pinpad', { keys: '9753E' });
  await expect(page.getByTestId('tech-result')).toContainText(
    'PIN 4 digit dimasukkan; blok PIN ISO 9564 format 0 dengan TDES DUKPT diterima.',
  );
  await expect(page.getByTestId('tech-result')).not.toContainText('9753');

  // Scanner test: the scan is shown masked and kept nowhere.
  await page.getByRole('button', { name: 'Tes Pindai' }).click();
  await expect(page.getByTestId('tech-result')).toContainText('Menjalankan tes');
  await kiosk.devices('POST', '/api/scanner', { kind: 'jmoQr', fixture: 'active' });
  await expect(page.getByTestId('tech-result')).toContainText(/Terpindai \*{7}2128/);
});
