import type { Page } from '@playwright/test';
import { expect, type KioskStack } from './fixtures.ts';

/** Rupiah as the kiosk shows it: `Rp 33.146.852`. */
export const rupiah = (amount: number) =>
  new Intl.NumberFormat('id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);

/** Waits until the kiosk's device manager reports all four simulated devices online. */
export async function devicesOnline(kiosk: KioskStack): Promise<void> {
  await expect
    .poll(async () => {
      const state = await kiosk.devices<{ kioskDevices: Array<{ name: string; state: string }> }>(
        'GET',
        '/api/state',
      );
      return state.kioskDevices.map((device) => `${device.name}:${device.state}`).sort();
    })
    .toEqual(['cardReader:online', 'pinPad:online', 'printer:online', 'scanner:online']);
}

/**
 * Card in, then, once the birth date is asked for (as a person waits for the screen: keys
 * pressed while the KPJ is looked up are not taken), the birth date typed on the pin pad.
 * `takeCard`: a motorised reader hands the card back after reading it; the person takes it.
 */
export async function identifyWithCardAndPinPad(
  page: Page,
  kiosk: KioskStack,
  options: { takeCard?: boolean } = {},
): Promise<void> {
  await devicesOnline(kiosk);
  await kiosk.devices('POST', '/api/card', { action: 'insert', card: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  if (options.takeCard) await kiosk.devices('POST', '/api/card', { action: 'remove' });
  await kiosk.devices('POST', '/api/pinpad', {
    keys: kiosk.fixtures.active.birthDate.replace(/-/g, ''),
  });
}

/** The one receipt printed: the active participant's balance, with the KPJ masked. */
export async function expectMaskedBalanceReceipt(kiosk: KioskStack): Promise<void> {
  const person = kiosk.fixtures.active;
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
}

/**
 * After identification: the typed birth date confirmed with enter on the pin pad, the balance
 * shown, "3" (the print menu item, as on the screen) pressed, and the masked receipt printed.
 */
export async function confirmAndPrintReceipt(page: Page, kiosk: KioskStack): Promise<void> {
  const person = kiosk.fixtures.active;
  await expect(page.getByTestId('entry-value')).toHaveText(person.birthDate);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await kiosk.devices('POST', '/api/pinpad', { keys: '3' });
  await expect(page.getByRole('heading', { name: 'Silakan ambil struk Anda' })).toBeVisible();
  await expectMaskedBalanceReceipt(kiosk);
}
