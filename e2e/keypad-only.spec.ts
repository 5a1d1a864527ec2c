import type { Page } from '@playwright/test';
import { installFakeSpeech, utterances } from './support/fake-speech.ts';
import { expect, test as kioskTest } from './support/fixtures.ts';
import { devicesOnline, rupiah } from './support/devices.ts';

/**
 * WCAG / ADA 707: every participant function from a 12-key keypad plus Enter / Clear / Cancel.
 * These tests never click or touch: page.keyboard only, as a USB keypad types.
 */
const test = kioskTest.extend({
  page: async ({ page }, use) => {
    await installFakeSpeech(page);
    await use(page);
  },
});

/** Counts the keys pressed on the page, to state what a keypad-only session costs. */
async function countKeys(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number };
    w.__keys = 0;
    window.addEventListener('keydown', () => w.__keys++, { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { __keys: number }).__keys);
}

test('3 on the start screen turns voice guidance on; 1 / 2 and * choose the language', async ({
  page,
  kiosk: _kiosk,
}) => {
  await expect(page.getByRole('button', { name: 'Matikan Suara' })).toHaveCount(0);
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: 'Matikan Suara' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Ulangi/ })).toBeVisible();
  await expect.poll(async () => (await utterances(page)).length).toBe(1);
  expect((await utterances(page))[0]!.text).toContain('Cek Saldo JHT');

  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await page.keyboard.press('*');
  await expect(page.getByRole('button', { name: 'Mulai', exact: true })).toBeVisible();
  await page.keyboard.press('*');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: 'Mulai', exact: true })).toBeVisible();
  // The start screen tells a sighted keypad user the same keys.
  const legend = page.getByRole('region', { name: 'Dengan keypad' });
  for (const item of ['Enter Mulai', '3 Panduan suara nyala / mati', '# Ulangi', '* Ganti bahasa'])
    await expect(legend.getByRole('listitem').filter({ hasText: item })).toBeVisible();
  // 3 again: voice guidance off, silence from now on.
  const said = (await utterances(page)).length;
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: 'Matikan Suara' })).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  expect((await utterances(page)).length).toBe(said);
});

test('* switches to English in the middle of typing the KPJ, keeping the digits', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await page.keyboard.type(person.kpj.slice(0, 5));
  await expect(page.getByText('5 dari 11 digit')).toBeVisible();

  await page.keyboard.press('*');
  await expect(page.getByRole('heading', { name: 'Enter your KPJ number' })).toBeVisible();
  await expect(page.getByText('5 of 11 digits')).toBeVisible();
  await expect(page.getByTestId('entry-value')).toHaveText(person.kpj.slice(0, 5) + '______');

  await page.keyboard.type(person.kpj.slice(5));
  await expect(page.getByTestId('entry-value')).toHaveText(person.kpj);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Enter your date of birth/ })).toBeVisible();
  await page.keyboard.type('0101');
  await page.keyboard.press('*');
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await expect(page.getByText('4 dari 8 digit')).toBeVisible();
});

test.describe('with a receipt printer', () => {
  test.use({ kioskConfig: { simulateDevices: true } });

  test('a whole session with voice guidance, to the balance and a printed receipt, on keys alone', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await devicesOnline(kiosk);
    const keys = await countKeys(page);

    await page.keyboard.press('#');
    await expect(page.getByRole('button', { name: 'Matikan Suara' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
    await page.keyboard.type(person.kpj);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await page.keyboard.type(person.birthDate.replace(/-/g, ''));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));

    // 3 on the balance screen prints (it is a menu number here, not the voice key).
    await page.keyboard.press('3');
    await expect(page.getByRole('heading', { name: 'Silakan ambil struk Anda' })).toBeVisible();
    const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
      'GET',
      '/api/printer/receipts',
    );
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.join('\n')).toMatch(/Saldo Akhir\s+Rp 33\.146\.852/);

    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: 'Apakah Anda ingin melakukan transaksi lain?' }),
    ).toBeVisible();
    await page.keyboard.press('2');
    await expect(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });

    // # + Enter + 11 + Enter + 8 + Enter + 3 + Enter + 2: 26 key presses, no touch.
    expect(await keys()).toBe(26);
    const said = (await utterances(page)).map((u) => u.text);
    expect(said.some((text) => text.startsWith('Saldo JHT: 33.146.852 rupiah'))).toBe(true);
    expect(said.at(-1)).toBe('Terima kasih');
  });

  test('the hardware pin pad alone: 3 turns voice guidance on, Enter starts, the session reaches the balance', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await devicesOnline(kiosk);
    await kiosk.devices('POST', '/api/pinpad', { keys: '3' });
    await expect(page.getByRole('button', { name: 'Matikan Suara' })).toBeVisible();
    await expect.poll(async () => (await utterances(page)).length).toBe(1);
    await kiosk.devices('POST', '/api/pinpad', { keys: `E${person.kpj}E` });
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await kiosk.devices('POST', '/api/pinpad', { keys: `${person.birthDate.replace(/-/g, '')}E` });
    await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
    const said = (await utterances(page)).map((u) => u.text);
    expect(said.some((text) => text.startsWith('Masukkan Nomor KPJ'))).toBe(true);
    expect(said.some((text) => text.startsWith('Saldo JHT: 33.146.852 rupiah'))).toBe(true);
  });
});
