import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { BANK_CARDS } from '../simulators/host';
import { checkScreen } from './support/check-screen.ts';
import { rupiah } from './support/devices.ts';
import { expect, test, type KioskStack } from './support/fixtures.ts';
import { journalRecords } from './support/technician.ts';
import { LayoutGuard } from './support/layout-guard.ts';

/**
 * The partner-bank ATM profile on XFS4IoT simulators, driven from the pin pad alone (no touch,
 * no keyboard): bank card in, card PIN on the encrypting pin pad, the bank's answer, the card
 * back before the balance. The card reader service holds the card until the kiosk returns it.
 */
const ATM_STACK = {
  simulateDevices: 'xfs4iot',
  profile: 'atm',
  cardTakeTimeoutMs: 3_000,
  session: { thankYouSeconds: 1 },
};
const THEMES_DIR = resolve(import.meta.dirname, '../docs/themes');

test.use({ viewport: { width: 1024, height: 768 }, kioskConfig: ATM_STACK });

type BankCard = 'bankVisa' | 'bankMastercard' | 'bankBlocked' | 'bankNoKpj';

const screen = (page: Page, name: string) =>
  expect(page.locator(`[data-screen="${name}"]`)).toBeVisible({ timeout: 15_000 });

async function insert(page: Page, kiosk: KioskStack, card: BankCard): Promise<void> {
  await expect(
    page.getByRole('heading', { name: /Masukkan kartu ATM|Insert your bank card/ }),
  ).toBeVisible();
  await kiosk.devices('POST', '/api/card', { action: 'insert', card });
  await screen(page, 'enterPin');
}

/** The PIN typed on the pin pad; the screen shows as many dots as digits, and never a digit. */
async function typePin(page: Page, kiosk: KioskStack, pin: string): Promise<void> {
  await kiosk.devices('POST', '/api/pinpad', { keys: pin });
  await expect(page.locator('.dot.filled')).toHaveCount(pin.length);
  expect(await page.locator('main').innerText()).not.toContain(pin);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
}

async function takeCard(page: Page, kiosk: KioskStack): Promise<void> {
  await screen(page, 'takeCard');
  await kiosk.devices('POST', '/api/card', { action: 'remove' });
}

const retained = async (kiosk: KioskStack) =>
  (await kiosk.devices<{ card: { retained?: number } | null }>('GET', '/api/state')).card;

test('card and PIN to the balance on the pin pad alone; the card comes back first', async ({
  page,
  kiosk,
}) => {
  const siti = kiosk.fixtures.active;
  await insert(page, kiosk, 'bankVisa');
  await expect(page.getByText('************0010')).toBeVisible();
  await typePin(page, kiosk, BANK_CARDS.oneKpj.pin);
  await takeCard(page, kiosk);
  await screen(page, 'balance');
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(siti.closingBalance));
  // Nothing of the card or the PIN is on the balance screen.
  const html = await page.content();
  for (const secret of [BANK_CARDS.oneKpj.pan, BANK_CARDS.oneKpj.pan.slice(0, 6) + '*'])
    expect(html).not.toContain(secret);
  // A receipt on the pin pad's 3: the KPJ masked, nothing of the card.
  await kiosk.devices('POST', '/api/pinpad', { keys: '3' });
  await screen(page, 'takeReceipt');
  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  const receipt = receipts[0]!.join('\n');
  expect(receipt).toMatch(/No\. KPJ\s+\*{7}2128/);
  for (const secret of [BANK_CARDS.oneKpj.pan, BANK_CARDS.oneKpj.pan.slice(0, 6), siti.kpj])
    expect(receipt).not.toContain(secret);
  await kiosk.devices('POST', '/api/pinpad', { keys: 'X' });
  await screen(page, 'attract');
  const records = journalRecords(kiosk.journalDir);
  expect(records.find((record) => record.type === 'identified')?.data).toMatchObject({
    method: 'bankCard',
    kpjLast4: siti.kpj.slice(-4),
  });
  const journal = JSON.stringify(records);
  expect(journal).not.toContain(BANK_CARDS.oneKpj.pan);
  expect(journal).not.toContain(BANK_CARDS.oneKpj.pan.slice(0, 6));
});

test('a wrong PIN says how many tries are left; the right one then opens the balance', async ({
  page,
  kiosk,
}) => {
  await insert(page, kiosk, 'bankVisa');
  await typePin(page, kiosk, '9999');
  await expect(page.getByRole('alert')).toHaveText('PIN salah. Sisa percobaan: 2.');
  await typePin(page, kiosk, BANK_CARDS.oneKpj.pin);
  await takeCard(page, kiosk);
  await screen(page, 'balance');
});

test('PIN tries exceeded: the card is retained, journaled, and the person told why', async ({
  page,
  kiosk,
}) => {
  await insert(page, kiosk, 'bankVisa');
  for (const left of [2, 1]) {
    await typePin(page, kiosk, '9999');
    await expect(page.getByRole('alert')).toHaveText(`PIN salah. Sisa percobaan: ${left}.`);
  }
  await typePin(page, kiosk, '9999');
  await screen(page, 'cardRetained');
  await expect(page.getByRole('alert')).toHaveText('PIN salah terlalu banyak kali.');
  expect((await retained(kiosk))?.retained).toBe(1);
  expect(
    journalRecords(kiosk.journalDir).find((r) => r.type === 'cardRetained')?.data,
  ).toMatchObject({ reason: 'pinTriesExceeded' });
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await screen(page, 'attract');
});

test('a blocked card is retained', async ({ page, kiosk }) => {
  await insert(page, kiosk, 'bankBlocked');
  await typePin(page, kiosk, BANK_CARDS.blocked.pin);
  await screen(page, 'cardRetained');
  await expect(page.getByRole('alert')).toContainText('diblokir oleh bank');
  // Kept in the reader's retain bin: CardReader.Move transport -> unit1 on the bank's answer.
  expect((await retained(kiosk))?.retained).toBe(1);
});

test('two linked KPJ: both masked with the employer, 2 on the pin pad picks the second', async ({
  page,
  kiosk,
}) => {
  const agus = kiosk.fixtures.inactive;
  await insert(page, kiosk, 'bankMastercard');
  await typePin(page, kiosk, BANK_CARDS.twoKpjs.pin);
  await screen(page, 'chooseAccount');
  await expect(page.getByRole('button', { name: /\*{7}\d{4}/ })).toHaveCount(2);
  expect(await page.content()).not.toContain(agus.kpj);
  await kiosk.devices('POST', '/api/pinpad', { keys: '2' });
  await takeCard(page, kiosk);
  await screen(page, 'balance');
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(agus.closingBalance));
});

test('the FDKs beside the screen: each marked with the option it stands for, and pressing one chooses it', async ({
  page,
  kiosk,
}) => {
  const agus = kiosk.fixtures.inactive;
  await insert(page, kiosk, 'bankMastercard');
  await typePin(page, kiosk, BANK_CARDS.twoKpjs.pin);
  await screen(page, 'chooseAccount');
  // The simulated ATM: FDK 1-3 on the left are the pin pad's 1-3, FDK 4 Cancel.
  const marks = page.locator('[data-fdk-label]');
  await expect(marks).toHaveText(['1', '2', '✕', 'OK']);
  await expect(marks.nth(1)).toHaveAttribute('data-fdk-label', '*******0517');
  await kiosk.devices('POST', '/api/pinpad', { fdk: 2 });
  await takeCard(page, kiosk);
  await screen(page, 'balance');
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(agus.closingBalance));
  // On the balance its menu's numbers are marked, and FDK 3 prints.
  await expect(marks.first()).toHaveAttribute('data-fdk-label', /Rincian Iuran/);
  await kiosk.devices('POST', '/api/pinpad', { fdk: 3 });
  await screen(page, 'takeReceipt');
});

test('no KPJ linked: the card comes back, then where to register', async ({ page, kiosk }) => {
  await insert(page, kiosk, 'bankNoKpj');
  await typePin(page, kiosk, BANK_CARDS.noKpj.pin);
  await takeCard(page, kiosk);
  await screen(page, 'error');
  await expect(page.getByText(/aplikasi JMO atau di kantor cabang/)).toBeVisible();
});

test('the bank link down: the card comes back and the person is told (the client never resends a PIN: http-host-client.test.ts)', async ({
  page,
  kiosk,
}) => {
  await insert(page, kiosk, 'bankVisa');
  await kiosk.setHostFaults({ status: 503 });
  await typePin(page, kiosk, BANK_CARDS.oneKpj.pin);
  await takeCard(page, kiosk);
  await screen(page, 'error');
  await kiosk.clearHostFaults();
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await screen(page, 'attract');
});

test('a card not taken in time is retained and no balance is shown', async ({ page, kiosk }) => {
  await insert(page, kiosk, 'bankVisa');
  await typePin(page, kiosk, BANK_CARDS.oneKpj.pin);
  await screen(page, 'takeCard');
  await screen(page, 'cardRetained');
  await expect(page.getByRole('alert')).toHaveText(/tidak diambil tepat waktu/);
  expect((await retained(kiosk))?.retained).toBe(1);
  expect(journalRecords(kiosk.journalDir).some((r) => r.type === 'balanceDisplayed')).toBe(false);
});

test('in English, chosen with 2 on the start screen', async ({ page, kiosk }) => {
  await kiosk.devices('POST', '/api/pinpad', { keys: '2' });
  await expect(page.getByRole('heading', { name: 'Insert your bank card' })).toBeVisible();
  await kiosk.devices('POST', '/api/card', { action: 'insert', card: 'bankVisa' });
  await expect(page.getByRole('heading', { name: 'Enter your card PIN' })).toBeVisible();
  await typePin(page, kiosk, '9999');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. Tries left: 2.');
  await typePin(page, kiosk, BANK_CARDS.oneKpj.pin);
  await expect(page.getByRole('heading', { name: 'Please take your card' })).toBeVisible();
  await kiosk.devices('POST', '/api/card', { action: 'remove' });
  await screen(page, 'balance');
});

test.describe('with key tones', () => {
  test.use({ kioskConfig: { ...ATM_STACK, atm: { keyTones: true } } });

  test('a tone for each PIN digit typed, none for the other keys', async ({ page, kiosk }) => {
    // Counts the tones the page starts, in place of the speaker.
    await page.addInitScript(() => {
      const counter = window as unknown as { tones: number };
      counter.tones = 0;
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        override createOscillator() {
          const oscillator = super.createOscillator();
          const start = oscillator.start.bind(oscillator);
          oscillator.start = (when?: number) => {
            counter.tones += 1;
            start(when);
          };
          return oscillator;
        }
      };
    });
    await page.reload();
    await insert(page, kiosk, 'bankVisa');
    await kiosk.devices('POST', '/api/pinpad', { keys: '12' });
    await expect(page.locator('.dot.filled')).toHaveCount(2);
    await kiosk.devices('POST', '/api/pinpad', { keys: 'C' });
    await expect(page.locator('.dot.filled')).toHaveCount(0);
    await kiosk.devices('POST', '/api/pinpad', { keys: '1' });
    await expect(page.locator('.dot.filled')).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { tones: number }).tones)).toBe(3);
  });
});

/** Every ATM screen, each checked by axe at 1024x768 and 800x600 and by the layout guard. */
async function walkEveryScreen(page: Page, kiosk: KioskStack, label: string): Promise<void> {
  const guard = new LayoutGuard(page, label);
  const check = async (name: string) => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 800, height: 600 },
    ]) {
      await page.setViewportSize(size);
      await checkScreen(page, `${label}-${name}`, `${size.width}x${size.height}`);
    }
    await guard.check(name);
  };
  await screen(page, 'attract');
  await check('attract');
  await insert(page, kiosk, 'bankMastercard');
  await check('enterPin');
  await typePin(page, kiosk, '9999');
  await expect(page.getByRole('alert')).toBeVisible();
  await check('enterPin-wrong');
  await typePin(page, kiosk, BANK_CARDS.twoKpjs.pin);
  await screen(page, 'chooseAccount');
  await check('chooseAccount');
  await kiosk.devices('POST', '/api/pinpad', { keys: '1' });
  await screen(page, 'takeCard');
  await check('takeCard');
  await kiosk.devices('POST', '/api/card', { action: 'remove' });
  await screen(page, 'balance');
  await check('balance');
  await kiosk.devices('POST', '/api/pinpad', { keys: 'X' });
  await screen(page, 'attract');
  await insert(page, kiosk, 'bankBlocked');
  await typePin(page, kiosk, BANK_CARDS.blocked.pin);
  await screen(page, 'cardRetained');
  await check('cardRetained');
  expect(guard.problems).toEqual([]);
}

test('every ATM screen: axe clean at 1024x768 and 800x600, and the layout guard at every size', async ({
  page,
  kiosk,
}) => {
  await walkEveryScreen(page, kiosk, 'atm');
});

for (const name of ['green-state-bank', 'blue-bank']) {
  test.describe(`in the ${name} example theme`, () => {
    const file = join(THEMES_DIR, name, 'kiosk.json');
    const example = JSON.parse(readFileSync(file, 'utf8')) as {
      language: 'id' | 'en';
      theme: { logo: string };
    };
    test.use({
      kioskConfig: {
        ...ATM_STACK,
        language: example.language,
        // The kiosk reads the logo relative to the config file; the stack gets an object.
        theme: { ...example.theme, logo: resolve(dirname(file), example.theme.logo) },
      },
    });

    test('every ATM screen is axe clean at 1024x768 and 800x600 and fits', async ({
      page,
      kiosk,
    }) => {
      await walkEveryScreen(page, kiosk, `atm-${name}`);
    });
  });
}
