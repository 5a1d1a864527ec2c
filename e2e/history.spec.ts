import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { devicesOnline } from './support/devices.ts';
import { installFakeSpeech, utterances } from './support/fake-speech.ts';
import { expect, tapDigits, test, toBalanceByTouch } from './support/fixtures.ts';

/**
 * The contribution history: six months a page, JHT and JP per month, paged with buttons, the
 * keyboard and the pin pad (4 / 6), and a failed load tried again (button or 1).
 */

const subtitle = (page: Page) => page.getByTestId('history-subtitle');
const rows = (page: Page) => page.locator('table tbody tr');
const previous = (page: Page) => page.getByRole('button', { name: /Sebelumnya|Previous/ });
const next = (page: Page) => page.getByRole('button', { name: /Berikutnya|Next/ });

/** The page's months (first column), newest first. */
async function monthsShown(page: Page): Promise<string[]> {
  return rows(page).locator('th').allTextContents();
}

/** Inside the viewport as it stands, with nothing to scroll to: seen without moving anything. */
async function expectSeenWhole(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height);
}

test('pages through the history by touch, six months at a time, with JHT and JP per month', async ({
  page,
  kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await toBalanceByTouch(page, kiosk.fixtures.active);
  await page.getByRole('button', { name: /Rincian Iuran/ }).click();

  await expect(subtitle(page)).toHaveText(
    '10-2026 sampai 05-2026, terbaru di atas · halaman 1 dari 4',
  );
  await expect(page.locator('table thead th')).toHaveText(['BL-TH', 'Iuran JHT', 'Iuran JP']);
  expect(await monthsShown(page)).toEqual([
    '10-2026',
    '09-2026',
    '08-2026',
    '07-2026',
    '06-2026',
    '05-2026',
  ]);
  // Rp 5.500.000: JHT 5.7 % (313.500), JP 3 % (165.000).
  await expect(rows(page).first().locator('td')).toHaveText(['Rp 313.500', 'Rp 165.000']);
  await expect(previous(page)).toBeDisabled();
  await expect(previous(page)).toContainText('sudah yang terbaru');
  await expect(page.getByTestId('history-gaps')).toBeVisible();

  await next(page).click();
  await expect(subtitle(page)).toHaveText(
    '04-2026 sampai 11-2025, terbaru di atas · halaman 2 dari 4',
  );
  expect(await monthsShown(page)).toHaveLength(6);
  await expect(previous(page)).toBeEnabled();
  await expect(previous(page)).toContainText('bulan lebih baru');
  await next(page).click();
  await next(page).click();
  await expect(subtitle(page)).toContainText('halaman 4 dari 4');
  await expect(subtitle(page)).toContainText('04-2025 sampai 11-2024');
  await expect(next(page)).toBeDisabled();
  await expect(next(page)).toContainText('tidak ada yang lebih lama');
  await previous(page).click();
  await expect(subtitle(page)).toContainText('halaman 3 dari 4');
});

test('one page fits every display whole: the month, both amounts and every button, no scrolling', async ({
  page,
  kiosk,
}) => {
  test.slow();
  // The largest amounts of the seeded participants.
  await page.getByRole('button', { name: 'Mulai' }).click();
  await toBalanceByTouch(page, kiosk.fixtures.highWage);
  await page.keyboard.press('1');
  await expect(rows(page)).toHaveCount(6);
  for (const language of ['id', 'en'] as const) {
    if (language === 'en') {
      await page.keyboard.press('*');
      await expect(page.locator('table thead th').first()).toHaveText('Month');
    }
    for (const [width, height] of [
      [800, 600],
      [1024, 768],
      [1280, 1024],
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      await page.setViewportSize({ width, height });
      const size = `${width}x${height} ${language}`;
      const scroll = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          across: main.scrollWidth - main.clientWidth,
          down: main.scrollHeight - main.clientHeight,
        };
      });
      expect(scroll, `${size}: nothing to scroll`).toEqual({ page: 0, across: 0, down: 0 });
      for (const cell of await rows(page).locator('th, td').all())
        await expectSeenWhole(page, cell, `${size}: ${await cell.textContent()}`);
      for (const button of await page.getByRole('button').all())
        await expectSeenWhole(page, button, `${size}: button ${await button.textContent()}`);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('main th, main td, main .money, main p, main button')]
          .filter((element) => element.scrollWidth > element.clientWidth)
          .map((element) => element.textContent),
      );
      expect(clipped, `${size}: text wider than its box`).toEqual([]);
    }
  }
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
});

test('pages with the keyboard 4 / 6 and says the months in English', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.inactive;
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await toBalanceByTouch(page, person, 'Continue');
  await page.keyboard.press('1');
  // An inactive member: the months up to the last contribution, not two years of nothing.
  await expect(subtitle(page)).toHaveText('06-2024 to 01-2024, newest first · page 1 of 4');
  await page.keyboard.press('6');
  await expect(subtitle(page)).toHaveText('12-2023 to 07-2023, newest first · page 2 of 4');
  await page.keyboard.press('4');
  await page.keyboard.press('4');
  await expect(subtitle(page)).toHaveText('06-2024 to 01-2024, newest first · page 1 of 4');
  await expect(previous(page)).toContainText('already the newest');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('jht-closing')).toBeVisible();
});

test('a history that failed to load is tried again, with the loading shown meanwhile', async ({
  page,
  kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await toBalanceByTouch(page, kiosk.fixtures.active);
  await kiosk.setHostFaults({ routes: { contributions: { status: 503 } } });
  await page.getByRole('button', { name: /Rincian Iuran/ }).click();
  await expect(page.getByRole('alert')).toHaveText('Rincian iuran tidak dapat dimuat saat ini.');
  // The retry fails too, slowly enough to be seen loading: the alert after it is the retry's,
  // not the first failure's still on screen (which let the faults change under the retry).
  await kiosk.setHostFaults({ routes: { contributions: { status: 503, latencyMs: 700 } } });
  await page.getByRole('button', { name: 'Coba Lagi' }).click();
  await expect(page.getByRole('status')).toHaveText('Memuat rincian iuran…');
  await expect(page.getByRole('alert')).toHaveText('Rincian iuran tidak dapat dimuat saat ini.');

  // The host is back, slowly: the loading shows until the rows come.
  await kiosk.setHostFaults({ routes: { contributions: { latencyMs: 1_500 } } });
  await page.getByRole('button', { name: 'Coba Lagi' }).click();
  await expect(page.getByRole('status')).toHaveText('Memuat rincian iuran…');
  await expect(subtitle(page)).toContainText('halaman 1 dari 4');
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

const withFakeSpeech = test.extend({
  page: async ({ page }, use) => {
    await installFakeSpeech(page);
    await use(page);
  },
});

withFakeSpeech(
  'voice guidance reads each page: its months, JHT and JP, and the keys',
  async ({ page, kiosk }) => {
    const person = kiosk.fixtures.active;
    const lastSaid = async () => (await utterances(page)).at(-1)?.text ?? '';
    await page.keyboard.press('#');
    await page.keyboard.press('Enter');
    await page.keyboard.type(person.kpj);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('entry-value')).toHaveText('__-__-____');
    await page.keyboard.type(person.birthDate.replace(/-/g, ''));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('jht-closing')).toBeVisible();
    await page.keyboard.press('1');
    await expect
      .poll(lastSaid)
      .toBe(
        'Rincian Iuran. Oktober 2026 sampai Mei 2026, terbaru di atas · halaman 1 dari 4. ' +
          'Oktober 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          'September 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          'Agustus 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          'Juli 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          'Juni 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          'Mei 2026: JHT 313.500 rupiah, JP 165.000 rupiah. ' +
          '6: Berikutnya, bulan lebih lama.',
      );
    await page.keyboard.press('6');
    await expect.poll(lastSaid).toContain('April 2026 sampai November 2025');
    expect(await lastSaid()).toContain('4: Sebelumnya, bulan lebih baru. 6: Berikutnya');
  },
);

test.describe('on the pin pad', () => {
  test.use({ kioskConfig: { simulateDevices: true } });

  test('4 / 6 page the history and 1 tries a failed load again', async ({ page, kiosk }) => {
    await devicesOnline(kiosk);
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, kiosk.fixtures.active.kpj);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByTestId('entry-value')).toHaveText('__-__-____');
    await kiosk.devices('POST', '/api/pinpad', {
      keys: kiosk.fixtures.active.birthDate.replace(/-/g, '') + 'E',
    });
    await expect(page.getByTestId('jht-closing')).toBeVisible();

    await kiosk.setHostFaults({ routes: { contributions: { status: 503 } } });
    await kiosk.devices('POST', '/api/pinpad', { keys: '1' });
    await expect(page.getByRole('alert')).toHaveText('Rincian iuran tidak dapat dimuat saat ini.');
    await kiosk.clearHostFaults();
    await kiosk.devices('POST', '/api/pinpad', { keys: '1' });
    await expect(subtitle(page)).toContainText('halaman 1 dari 4');

    await kiosk.devices('POST', '/api/pinpad', { keys: '6' });
    await expect(subtitle(page)).toContainText('halaman 2 dari 4');
    await kiosk.devices('POST', '/api/pinpad', { keys: '66' });
    await expect(subtitle(page)).toContainText('halaman 4 dari 4');
    await kiosk.devices('POST', '/api/pinpad', { keys: '4' });
    await expect(subtitle(page)).toContainText('halaman 3 dari 4');
  });
});
