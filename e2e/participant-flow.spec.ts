import { expect, tapDigits, test, toBalanceByTouch } from './support/fixtures.ts';
import { rupiah } from './support/devices.ts';

test('a participant checks the JHT balance with the on-screen keypad', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await tapDigits(page, person.kpj);
  await expect(page.getByTestId('entry-value')).toHaveText(person.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await tapDigits(page, person.birthDate.replace(/-/g, ''));
  await expect(page.getByTestId('entry-value')).toHaveText(person.birthDate);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByRole('heading', { name: 'Saldo JHT', exact: true })).toBeVisible();
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await expect(page.getByText('*******' + person.kpj.slice(-4))).toBeVisible();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
  // Privacy: the full KPJ and the full name never reach the page.
  const html = await page.content();
  expect(html).not.toContain(person.kpj);
  expect(html).not.toContain(person.name);

  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
});

test('a physical keypad alone drives the flow (Enter to start, digits, Backspace, Enter)', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  // Keypad only: Enter starts, as it does on an ATM's hardware keypad.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await page.keyboard.type(person.kpj + '9');
  await expect(page.getByTestId('entry-value')).toHaveText(person.kpj);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(person.kpj.slice(-1));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await page.keyboard.type(person.birthDate.replace(/-/g, ''));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
});

test('an unknown KPJ is explained, with a way to try again with the number kept', async ({
  page,
  kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, kiosk.fixtures.unknownKpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('alert')).toContainText('tidak terdaftar');
  await page.getByRole('button', { name: 'Coba Lagi' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await expect(page.getByTestId('entry-value')).toHaveText(kiosk.fixtures.unknownKpj);
});

test('wrong birth dates count down and then lock the KPJ', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  for (const left of [2, 1]) {
    await tapDigits(page, '01011970');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `Tanggal lahir salah. Sisa ${left} kali percobaan.`,
    );
  }
  await tapDigits(page, '01011970');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Akses dikunci sementara' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/setelah pukul \d\d:\d\d WIB\./);
});

test('a host outage is explained and nothing is lost', async ({ page, kiosk }) => {
  await kiosk.setHostFaults({ status: 503 });
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, kiosk.fixtures.active.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('alert')).toContainText('Layanan sedang tidak tersedia');
  await kiosk.clearHostFaults();
  await page.getByRole('button', { name: 'Coba Lagi' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
});

test('cancel from the birth-date step says thank you and returns to the start', async ({
  page,
  kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, kiosk.fixtures.active.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  await tapDigits(page, '0101');
  await page.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
});

test('an inactive membership still shows the balance, and says why', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.inactive;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await toBalanceByTouch(page, person);
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await expect(page.getByText('Nonaktif', { exact: true })).toBeVisible();
  await expect(
    page.getByText(
      'Kepesertaan tidak aktif: iuran tidak lagi dibayarkan. Saldo tetap tersimpan dan berkembang.',
    ),
  ).toBeVisible();
});

test('the whole flow works in English', async ({ page, kiosk }) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your KPJ number' })).toBeVisible();
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Enter your date of birth/ })).toBeVisible();
  await tapDigits(page, person.birthDate.replace(/-/g, ''));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'JHT balance', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('idle time-out', () => {
  test.use({ kioskConfig: { session: { idleTimeoutSeconds: 22, idleWarningSeconds: 20 } } });

  test('warns, offers more time, then clears the balance and returns to the start', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await page.getByRole('button', { name: 'Mulai' }).click();
    await toBalanceByTouch(page, person);

    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    await dialog.getByRole('button', { name: 'Tambah Waktu' }).click();
    await expect(page.getByTestId('jht-closing')).toBeVisible();

    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 30_000 });
    const html = await page.content();
    expect(html).not.toContain(rupiah(person.closingBalance));
    expect(html).not.toContain(person.kpj.slice(-4));
    // Nothing of the person is kept in the browser: the one stored item is the UI bridge's
    // per-launch secret (renderer/src/transport/ui-secret.ts), which names nobody.
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored).toEqual({ local: [], session: ['bpjs-kiosk.ui-secret'] });
  });
});

test.describe('with a one-time code (OTP) after the birth date', () => {
  test.use({ kioskConfig: { verification: { otp: true } } });

  test('the code sent to the masked phone unlocks the balance; a wrong one counts down', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, person.kpj);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await tapDigits(page, person.birthDate.replace(/-/g, ''));
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByRole('heading', { name: 'Masukkan Kode OTP' })).toBeVisible();
    await expect(page.getByText(/Kode OTP telah dikirim ke \*{4}\d{4}/)).toBeVisible();
    await expect(page.getByRole('button', { name: /Kirim ulang dalam \d+ detik/ })).toBeDisabled();

    const response = await fetch(`${kiosk.hostUrl}/sim/otp?kpj=${person.kpj}`);
    const { code } = (await response.json()) as { code: string };
    const wrong = code === '000000' ? '111111' : '000000';
    await tapDigits(page, wrong);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByRole('alert')).toHaveText('Kode OTP salah. Sisa 2 kali percobaan.');

    await tapDigits(page, code);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  });
});
