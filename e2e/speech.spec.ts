import type { Page } from '@playwright/test';
import { installFakeSpeech, speechCalls, utterances } from './support/fake-speech.ts';
import { expect, test as kioskTest } from './support/fixtures.ts';

/**
 * What a blind person hears. Headless Chromium has no voices: the page gets a recording
 * speechSynthesis (support/fake-speech.ts), installed before the UI starts.
 */
const test = kioskTest.extend({
  page: async ({ page }, use) => {
    await installFakeSpeech(page);
    await use(page);
  },
});

/** Waits until something new has been said since `count` utterances, and returns it. */
async function nextSaid(page: Page, count: number) {
  await expect.poll(async () => (await utterances(page)).length).toBeGreaterThan(count);
  return (await utterances(page)).at(-1)!;
}

const count = async (page: Page) => (await utterances(page)).length;

test('voice guidance reads every step, in the chosen language, and ends with the session', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  // # on the start screen: the welcome, with the keys to use. The log is in order, so the
  // welcome being the first thing ever said proves the kiosk was silent before it was asked.
  await page.keyboard.press('#');
  const welcome = await nextSaid(page, 0);
  expect(await utterances(page)).toEqual([welcome]);
  expect(welcome.lang).toBe('id-ID');
  expect(welcome.text).toContain('Cek Saldo JHT');
  expect(welcome.text).toContain('Enter untuk mulai');
  expect(welcome.volume).toBeCloseTo(0.8);

  await page.keyboard.press('Enter');
  const kpjPrompt = await nextSaid(page, 1);
  expect(kpjPrompt).toMatchObject({ lang: 'id-ID' });
  expect(kpjPrompt.text).toMatch(/^Masukkan Nomor KPJ\. /);
  expect(kpjPrompt.text).toContain('pagar untuk mengulang, bintang untuk ganti bahasa');

  // Typing is not read back digit by digit (a bystander could hear it); Enter moves on.
  let said = await count(page);
  await page.keyboard.type(person.kpj);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  const spokenSoFar = (await utterances(page)).slice(said);
  expect(spokenSoFar.at(-1)).toMatchObject({ lang: 'id-ID' });
  expect(spokenSoFar.at(-1)!.text).toMatch(/^Masukkan Tanggal Lahir \(DD-MM-YYYY\)\. Contoh/);
  expect(spokenSoFar.map((u) => u.text).join(' ')).not.toContain(person.kpj);

  said = await count(page);
  await page.keyboard.type(person.birthDate.replace(/-/g, ''));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('jht-closing')).toBeVisible();
  const grouped = new Intl.NumberFormat('id-ID').format(person.closingBalance);
  await expect.poll(async () => (await utterances(page)).at(-1)?.text).toContain('Saldo JHT');
  const balance = (await utterances(page)).at(-1)!;
  expect(balance.lang).toBe('id-ID');
  expect(balance.text).toContain(`Saldo JHT: ${grouped} rupiah.`);
  expect(balance.text).toContain('Status Kepesertaan: Aktif');
  expect(balance.text).toContain('1: Rincian Iuran. 2: Simulasi JHT.');
  const sinceBirthDate = (await utterances(page)).slice(said).map((u) => u.text);
  expect(sinceBirthDate.join(' ')).not.toContain(person.birthDate.replace(/-/g, ''));
  expect(sinceBirthDate.join(' ')).not.toContain(person.birthDate);

  // # repeats what the screen says.
  said = await count(page);
  await page.keyboard.press('#');
  expect(await nextSaid(page, said)).toEqual(balance);

  // - makes it quieter, shown on screen and heard in the next utterance.
  await page.keyboard.press('-');
  await expect(page.getByText('Volume 60%')).toBeVisible();
  said = await count(page);
  await page.keyboard.press('#');
  const quieter = await nextSaid(page, said);
  expect(quieter.text).toBe(balance.text);
  expect(quieter.volume).toBeCloseTo(0.6);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByText('Volume 100%')).toBeVisible();

  // * switches to English: the same screen again, read by an English voice, amount included.
  said = await count(page);
  await page.keyboard.press('*');
  await expect(page.getByRole('heading', { name: 'JHT balance', exact: true })).toBeVisible();
  const english = await nextSaid(page, said);
  expect(english.lang).toBe('en-US');
  expect(english.text).toContain(
    `JHT balance: ${new Intl.NumberFormat('en-US').format(person.closingBalance)} rupiah.`,
  );
  expect(english.volume).toBeCloseTo(1);

  // Every new prompt cuts the previous one short instead of queueing behind it.
  const calls = await speechCalls(page);
  calls.forEach((call, i) => {
    if (call.call === 'speak')
      expect(calls[i - 1], `call ${i} follows a cancel`).toEqual({ call: 'cancel' });
  });

  // Finish: "thank you" is the last thing said; voice guidance is then off.
  said = await count(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  const thanks = await nextSaid(page, said);
  expect(thanks).toMatchObject({ lang: 'en-US', text: 'Thank you' });
  await expect(page.getByRole('button', { name: 'Voice off' })).toHaveCount(0);
  said = await count(page);
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
  // The next person starts in silence: the start screen and the next session say nothing.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByText('1 dari 11 digit')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Matikan Suara' })).toHaveCount(0);
  // Bounded by what comes next in the same log: # turns voice guidance on and reads the prompt,
  // and that prompt is the only thing said since "thank you".
  await page.keyboard.press('#');
  const prompt = await nextSaid(page, said);
  expect(prompt.text).toMatch(/^Masukkan Nomor KPJ/);
  expect((await utterances(page)).slice(said)).toEqual([prompt]);
});

test('the on-screen button turns voice guidance on, and Voice off stops it mid-sentence', async ({
  page,
  kiosk: _kiosk,
}) => {
  await page.getByRole('button', { name: 'Nyalakan panduan suara' }).click();
  const welcome = await nextSaid(page, 0);
  expect(welcome.text).toContain('Cek Saldo JHT');
  await page.getByRole('button', { name: 'Mulai' }).click();
  await nextSaid(page, 1);
  await page.getByRole('button', { name: 'Matikan Suara' }).click();
  await expect.poll(async () => (await speechCalls(page)).at(-1)).toEqual({ call: 'cancel' });
  const said = await count(page);
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Nomor KPJ belum lengkap: kurang 8 digit lagi.');
  // Turned on again, the screen is read: the one thing said since Voice off.
  await page.keyboard.press('#');
  const again = await nextSaid(page, said);
  expect(again.text).toMatch(/^Masukkan Nomor KPJ/);
  expect((await utterances(page)).slice(said)).toEqual([again]);
});

test.describe('after an idle time-out', () => {
  test.use({ kioskConfig: { session: { idleTimeoutSeconds: 21, idleWarningSeconds: 20 } } });

  test('voice guidance is cut off and stays off for the next person', async ({
    page,
    kiosk: _kiosk,
  }) => {
    test.slow();
    await page.keyboard.press('3');
    await nextSaid(page, 0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
    const said = await nextSaid(page, 1);
    expect(said.text).toMatch(/^Masukkan Nomor KPJ/);
    // The idle warning is read out too (WCAG 2.2.1: the person must learn time is running out).
    const warning = await nextSaid(page, 2);
    expect(warning.text).toMatch(
      /^Waktu hampir habis\. Sesi akan berakhir dalam \d+ detik\. Tekan Enter untuk menambah waktu\.$/,
    );
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => (await speechCalls(page)).at(-1)).toEqual({ call: 'cancel' });
    await expect(page.getByRole('button', { name: 'Matikan Suara' })).toHaveCount(0);
    // Nothing more is said until the next person asks: their welcome follows the warning.
    await page.keyboard.press('#');
    const welcome = await nextSaid(page, 3);
    expect(welcome.text).toContain('Cek Saldo JHT');
    expect(await count(page)).toBe(4);
  });
});

const withVoices = kioskTest.extend({
  page: async ({ page }, use) => {
    await installFakeSpeech(page, [
      { name: 'English (America)', lang: 'en-US', localService: true },
      { name: 'Google Bahasa Indonesia', lang: 'id-ID', localService: false },
      { name: 'eSpeak Indonesian', lang: 'id', localService: true },
    ]);
    await use(page);
  },
});

withVoices(
  'speaks Indonesian with the Indonesian voice that works offline, English with an English one',
  async ({ page, kiosk: _kiosk }) => {
    await page.keyboard.press('3');
    await expect
      .poll(async () => (await speechCalls(page)).at(-1))
      .toMatchObject({
        call: 'speak',
        voice: 'eSpeak Indonesian',
        lang: 'id',
      });
    await page.keyboard.press('*');
    await expect
      .poll(async () => (await speechCalls(page)).at(-1))
      .toMatchObject({
        call: 'speak',
        voice: 'English (America)',
        lang: 'en-US',
      });
  },
);
