import type { Page } from '@playwright/test';
import { WS_SILENCE_LIMIT_MS } from '../core/common/api/channels.ts';
import { installFakeSpeech, utterances } from './support/fake-speech.ts';
import { expect, tapDigits, test, toBalanceByTouch, type Participant } from './support/fixtures.ts';

/** From the start screen to the birth date with the KPJ and the first four digits typed. */
async function toBirthDateHalfTyped(page: Page, person: Participant, next: string) {
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: next }).click();
  // The birth date step is on screen (the lookup answered) before anything is typed into it.
  await expect(page.getByTestId('entry-value')).toHaveText('__-__-____');
  const typed = person.birthDate.slice(0, 5); // DD-MM
  await tapDigits(page, typed.replace('-', ''));
  await expect(page.getByTestId('entry-value')).toHaveText(`${typed}-____`);
  return typed;
}

/** Nothing of the person is left anywhere in the page, hidden or not. */
async function expectNothingOf(page: Page, person: Participant, typed: string) {
  const html = await page.content();
  expect(html).not.toContain(typed);
  expect(html).not.toContain(person.kpj);
  expect(html).not.toContain(person.kpj.slice(-4));
}

test('a brain killed under an open page takes the last person off the screen at once, and a restarted brain drives the page', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await toBalanceByTouch(page, person);
  const kpjTail = '*******' + person.kpj.slice(-4);
  await expect(page.getByText(kpjTail)).toBeVisible();
  // The secret left the address bar once the page had read it.
  expect(new URL(page.url()).hash).toBe('');

  await kiosk.killBrain();
  // At once: no waiting for a reconnect or a timeout.
  await expect(page.getByRole('status')).toContainText('Layanan terputus sebentar', {
    timeout: 2_000,
  });
  await expect(page.getByTestId('jht-closing')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(kpjTail);
  expect(html).not.toContain(person.kpj.slice(-4));

  await kiosk.restartBrain();
  // The new brain counts its views from 0 again; the page shows them all the same.
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Layanan terputus sebentar')).toHaveCount(0);
  await expect(page.getByText(kpjTail)).toHaveCount(0);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await tapDigits(page, '123');
  await expect(page.getByTestId('entry-value')).toHaveText(/^123/);
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('entry-value')).toHaveText(/^12(?!3)/);
});

/** Headless Chromium has no voices: the page gets a recording speechSynthesis before it starts. */
const voiceTest = test.extend({
  page: async ({ page }, use) => {
    await installFakeSpeech(page);
    await use(page);
  },
});

voiceTest(
  'a brain killed on the birth date clears the digits typed at once, says the service is interrupted, and the restarted brain shows its start screen',
  async ({ page, kiosk }) => {
    const person = kiosk.fixtures.active;
    await page.keyboard.press('#');
    await page.getByRole('button', { name: 'Mulai' }).click();
    const typed = await toBirthDateHalfTyped(page, person, 'Lanjut');

    await kiosk.killBrain();
    await expect(page.getByRole('status')).toContainText('Layanan terputus sebentar', {
      timeout: 2_000,
    });
    await expect(page.getByTestId('entry-value')).toHaveCount(0);
    await expectNothingOf(page, person, typed);
    await expect
      .poll(async () => (await utterances(page)).at(-1)?.text)
      .toBe(
        'Layanan terputus sebentar. Data Anda sudah dihapus dari layar. Mohon tunggu, kios sedang menyambung kembali.',
      );

    await kiosk.restartBrain();
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('connection-lost')).toHaveCount(0);
  },
);

test('a brain that stops answering with its socket still open is taken as gone within the silence limit; what was typed into it never runs, and it comes back to the start screen', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  const typed = await toBirthDateHalfTyped(page, person, 'Continue');

  kiosk.pauseBrain();
  // The person goes on typing on the frozen screen: the rest of the date, and Continue.
  // (Continue stays unready on screen: the echo of these digits waits for the brain; Enter sends.)
  await tapDigits(page, person.birthDate.slice(6));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Service briefly interrupted', {
    timeout: WS_SILENCE_LIMIT_MS + 2_000,
  });
  await expect(page.getByTestId('connection-lost')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNothingOf(page, person, typed);

  // The page said the person's data is gone: the brain that runs on must not bring the session
  // back, nor verify the date typed into the frozen screen (which would open the balance).
  kiosk.resumeBrain();
  await expect(page.getByRole('button', { name: /^(Start|Mulai)$/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);
  await expect(page.getByTestId('jht-closing')).toHaveCount(0);
});
