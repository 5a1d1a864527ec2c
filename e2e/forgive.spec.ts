import type { Page } from '@playwright/test';
import { expect, tapDigits, test, toBalanceByTouch } from './support/fixtures.ts';
import { devicesOnline } from './support/devices.ts';

/** Today as DDMMYYYY in Jakarta, the kiosk's time zone. */
function todayDigits(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('day')}${part('month')}${part('year')}`;
}

const lanjut = (page: Page) => page.getByRole('button', { name: 'Lanjut' });

test.describe('keeps what was typed', () => {
  test('Coba Lagi after an unknown KPJ: the number is shown masked, then there to correct', async ({
    page,
    kiosk,
  }) => {
    const unknown = kiosk.fixtures.unknownKpj;
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, unknown);
    await lanjut(page).click();
    await expect(page.getByRole('alert')).toContainText('tidak terdaftar');
    await expect(page.getByTestId('identified-as')).toHaveText(
      `Nomor KPJ: *******${unknown.slice(-4)}`,
    );
    // Privacy: in full only on the entry step, never on the error screen.
    expect(await page.content()).not.toContain(unknown);
    await page.getByRole('button', { name: 'Coba Lagi' }).click();
    await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
    await expect(page.getByTestId('entry-value')).toHaveText(unknown);
  });

  test('Coba Lagi after a host outage and Kembali from the birth date keep the KPJ', async ({
    page,
    kiosk,
  }) => {
    const person = kiosk.fixtures.active;
    await kiosk.setHostFaults({ status: 503 });
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, person.kpj);
    await lanjut(page).click();
    await expect(page.getByRole('alert')).toContainText('Layanan sedang tidak tersedia');
    await kiosk.clearHostFaults();
    await page.getByRole('button', { name: 'Coba Lagi' }).click();
    await expect(page.getByTestId('entry-value')).toHaveText(person.kpj);
    await lanjut(page).click();
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await tapDigits(page, '0101');
    await page.getByRole('button', { name: 'Kembali' }).click();
    await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
    await expect(page.getByTestId('entry-value')).toHaveText(person.kpj);
  });
});

test.describe('forgives typing slips', () => {
  test("today's date is refused on the kiosk, costing no attempt; the message clears on typing", async ({
    page,
    kiosk,
  }) => {
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, kiosk.fixtures.active.kpj);
    await lanjut(page).click();
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await tapDigits(page, todayDigits());
    await lanjut(page).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Dengan tanggal lahir ini usia Anda di luar 15–100 tahun. Periksa tahunnya.',
    );
    await page.getByRole('button', { name: 'Hapus semua angka' }).click();
    await expect(page.getByRole('alert', { includeHidden: true })).toHaveText('');
    await tapDigits(page, '01011970');
    await lanjut(page).click();
    await expect(page.getByRole('alert')).toHaveText('Tanggal lahir salah. Sisa 2 kali percobaan.');
  });

  test('tapping Lanjut before the number is complete says what is missing', async ({
    page,
    kiosk: _kiosk,
  }) => {
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, '12345');
    await expect(lanjut(page)).toHaveAttribute('aria-disabled', 'true');
    // A finger's tap where the button is (Playwright's click would wait for it to be enabled).
    const box = (await lanjut(page).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('alert')).toHaveText(
      'Nomor KPJ belum lengkap: kurang 6 digit lagi.',
    );
  });

  test('the projection: the wage reads as rupiah while typed, slips are refused, the age is said', async ({
    page,
    kiosk,
  }) => {
    await page.getByRole('button', { name: 'Mulai' }).click();
    await toBalanceByTouch(page, kiosk.fixtures.active);
    await page.getByRole('button', { name: /Simulasi JHT/ }).click();
    // A 38-year-old: 18 years, to the retirement age.
    await expect(
      page.getByText('Perkiraan saldo JHT pada usia 56 tahun (18 tahun lagi)'),
    ).toBeVisible();
    await page.getByRole('button', { name: /Ubah Upah per bulan/ }).click();
    await expect(page.getByTestId('entry-value')).toHaveText('Rp 5.500.000');
    await tapDigits(page, '7500000');
    await expect(page.getByTestId('entry-value')).toHaveText('Rp 7.500.000');
    await page.getByRole('button', { name: 'Hapus semua angka' }).click();
    await tapDigits(page, '99');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Upah per bulan harus antara Rp 1.000.000 dan Rp 100.000.000.',
    );
    await page.getByRole('button', { name: 'Kembali' }).click();
    await page.getByRole('button', { name: /Ubah Lama/ }).click();
    await tapDigits(page, '30');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page.getByRole('alert')).toContainText('Lama simulasi 1 sampai 18 tahun');
    await page.getByRole('button', { name: 'Hapus semua angka' }).click();
    await tapDigits(page, '10');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(
      page.getByText('Perkiraan saldo JHT pada usia 48 tahun (10 tahun lagi)'),
    ).toBeVisible();
  });

  test("an inactive member's projection starts without contributions, and says so", async ({
    page,
    kiosk,
  }) => {
    await page.getByRole('button', { name: 'Mulai' }).click();
    await toBalanceByTouch(page, kiosk.fixtures.inactive);
    await page.getByRole('button', { name: /Simulasi JHT/ }).click();
    await expect(page.getByTestId('projection-no-contributions')).toContainText(
      'Kepesertaan nonaktif: simulasi dimulai tanpa iuran baru',
    );
    await expect(page.getByText('Total iuran').locator('..')).toContainText('Rp 0');
  });

  test('without a card reader or scanner, the start screen offers neither', async ({
    page,
    kiosk: _kiosk,
  }) => {
    await expect(page.getByRole('heading', { name: 'Cek Saldo JHT' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Tanpa mengetik' })).toHaveCount(0);
  });
});

test.describe('with card reader and scanner', () => {
  test.use({ kioskConfig: { simulateDevices: true } });

  test('the start screen shows where to swipe and scan; a bank card is told, not ignored', async ({
    page,
    kiosk,
  }) => {
    await devicesOnline(kiosk);
    await expect(page.getByText('Gesek kartu peserta KPJ di pembaca kartu')).toBeVisible();
    await expect(page.getByText('Tunjukkan QR kartu digital JMO ke pemindai')).toBeVisible();
    await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'bankVisa' });
    await expect(page.getByTestId('identify-message')).toHaveText(
      /^Ini bukan kartu BPJS Ketenagakerjaan\./,
    );
    await page.getByRole('button', { name: 'Mulai' }).click();
    for (const card of ['unreadable', 'corruptedLrc'] as const) {
      await page.getByRole('button', { name: 'Hapus semua angka' }).click();
      await kiosk.devices('POST', '/api/card', { action: 'swipe', card });
      await expect(page.getByRole('alert')).toHaveText(/^Kartu tidak dapat dibaca\./);
      await tapDigits(page, '1');
      await expect(page.getByRole('alert', { includeHidden: true })).toHaveText('');
    }
  });

  test('a swipe and a scan are confirmed with the masked KPJ', async ({ page, kiosk }) => {
    const person = kiosk.fixtures.active;
    await devicesOnline(kiosk);
    await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'active' });
    await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
    await expect(page.getByTestId('identified-as')).toHaveText(
      `Kartu terbaca: *******${person.kpj.slice(-4)}`,
    );
    expect(await page.content()).not.toContain(person.kpj);
    await page.getByRole('button', { name: 'Batal' }).click();
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Mulai' }).click();
    await kiosk.devices('POST', '/api/scanner', { kind: 'jmoQr', fixture: 'active' });
    await expect(page.getByTestId('identified-as')).toHaveText(
      `Kartu terbaca: *******${person.kpj.slice(-4)}`,
    );
  });

  test('after printing, "another transaction?" chooses neither answer for the person', async ({
    page,
    kiosk,
  }) => {
    await devicesOnline(kiosk);
    await page.getByRole('button', { name: 'Mulai' }).click();
    await toBalanceByTouch(page, kiosk.fixtures.active);
    await page.getByRole('button', { name: /Cetak Struk/ }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByRole('heading', { name: /transaksi lain/ })).toBeVisible();
    const look = (name: RegExp) =>
      page.getByRole('button', { name }).evaluate((button) => {
        const style = getComputedStyle(button);
        return { background: style.backgroundColor, border: style.borderColor };
      });
    expect(await look(/Ya/)).toEqual(await look(/Tidak/));
    // Alike, and neither drawn in the filled brand colour of the one button to press.
    expect((await look(/Ya/)).background).not.toBe('rgb(0, 112, 60)'); // --color-brand
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  });
});
