import type { Page } from '@playwright/test';
import { expect, startStack, test, type KioskStack } from './support/fixtures.ts';
import { devicesOnline, rupiah } from './support/devices.ts';

/**
 * A person who uses only the serial pin pad (no touch, no keyboard) leaves every screen with its
 * keys, never by waiting: E enter, C clear, X cancel, digits. The idle timeout (600 s) and the
 * thank-you screen (30 s) are set far beyond every wait here, so no step passes by a timer.
 * One kiosk stack and one page for the whole file; each test starts and ends on the start screen.
 */
const SESSION = { idleTimeoutSeconds: 600, idleWarningSeconds: 20, thankYouSeconds: 30 };

test.describe('the serial pin pad alone', () => {
  test.describe.configure({ mode: 'serial' });

  let kiosk: KioskStack;
  let stop: () => void;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ stack: kiosk, stop } = await startStack({ simulateDevices: true, session: SESSION }));
    page = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    await page.goto(kiosk.url);
    await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();
    await devicesOnline(kiosk);
  });

  test.afterAll(async () => {
    await page?.close();
    stop?.();
  });

  /** Keys on the simulated pin pad; the panel refuses (409) a key no entry is open for. */
  const pad = (keys: string) => kiosk.devices('POST', '/api/pinpad', { keys });
  const heading = (name: string | RegExp) => page.getByRole('heading', { name });
  const startScreen = () => page.getByRole('button', { name: 'Mulai' });

  /** The thank-you screen, left with Enter long before its 30 s are up. */
  async function thankYouThenStart(): Promise<void> {
    await expect(heading('Terima kasih')).toBeVisible();
    await pad('E');
    await expect(startScreen()).toBeVisible();
  }

  async function toBirthDate(kpj: string): Promise<void> {
    await pad(`E${kpj}E`);
    await expect(heading(/Masukkan Tanggal Lahir/)).toBeVisible();
  }

  test('the error screen: Enter tries again with the KPJ kept, Cancel ends the session', async () => {
    const { active, unknownKpj } = kiosk.fixtures;
    // Host unavailable: Enter (Coba Lagi) brings the KPJ back; on to the birth date.
    await kiosk.setHostFaults({ status: 503 });
    await pad(`E${active.kpj}E`);
    await expect(page.getByRole('alert')).toContainText('Layanan sedang tidak tersedia');
    await kiosk.clearHostFaults();
    await pad('E');
    await expect(heading('Masukkan Nomor KPJ')).toBeVisible();
    await expect(page.getByTestId('entry-value')).toHaveText(active.kpj);
    await pad('E');
    await expect(heading(/Masukkan Tanggal Lahir/)).toBeVisible();
    await pad('X');
    await thankYouThenStart();

    // Not found: Cancel leaves the error screen for "thank you".
    await pad(`E${unknownKpj}E`);
    await expect(page.getByRole('alert')).toContainText('Nomor KPJ tidak terdaftar');
    await pad('X');
    await thankYouThenStart();
  });

  test('the locked screen after three wrong birth dates: Enter leaves it', async () => {
    const person = kiosk.fixtures.inactive;
    await toBirthDate(person.kpj);
    for (const left of [2, 1]) {
      await pad('01011970E');
      await expect(page.getByRole('alert')).toHaveText(
        `Tanggal lahir salah. Sisa ${left} kali percobaan.`,
      );
    }
    await pad('01011970E');
    await expect(heading('Akses dikunci sementara')).toBeVisible();
    await pad('E');
    await thankYouThenStart();
  });

  test('history, projection and its editing, a failed print, the receipt, another transaction', async () => {
    const person = kiosk.fixtures.active;
    const balance = async () => {
      await expect(page.getByRole('heading', { name: 'Saldo JHT', exact: true })).toBeVisible();
      await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
    };
    await toBirthDate(person.kpj);
    await pad(`${person.birthDate.replace(/-/g, '')}E`);
    await balance();

    // History: 1 opens it, Enter is back on the balance.
    await pad('1');
    await expect(heading('Rincian Iuran')).toBeVisible();
    await pad('E');
    await balance();

    // Projection: 1 edits the wage (the first digit replaces the current one), Enter keeps the
    // new wage, Enter again is back on the balance.
    await pad('2');
    await expect(heading('Simulasi JHT')).toBeVisible();
    await pad('1');
    await expect(page.getByText(/Ketik upah per bulan/)).toBeVisible();
    await pad('5000000');
    await expect(page.getByTestId('entry-value')).toHaveText(rupiah(5_000_000));
    await pad('E');
    await expect(page.getByText(/Ketik upah per bulan/)).toHaveCount(0);
    await expect(page.getByTestId('projection-final')).toBeVisible();
    await pad('E');
    await balance();

    // A print that fails: the slowed printer runs out of paper under the job. Enter is back on
    // the balance, and the receipt can be printed once there is paper again.
    await kiosk.devices('POST', '/api/printer', { slow: true });
    await pad('3');
    await expect(heading(/Mencetak/)).toBeVisible();
    await kiosk.devices('POST', '/api/printer', { paper: 'out' });
    await expect(heading('Struk gagal dicetak')).toBeVisible();
    await kiosk.devices('POST', '/api/printer', { paper: 'ok', slow: false });
    await pad('E');
    await balance();
    await expect(page.getByRole('button', { name: /Cetak Struk/ })).toBeVisible();

    // Take the receipt: Enter goes on at once. The screen would go on to the same place by
    // itself 5 s after it came up, so "another transaction" must come well before that.
    await pad('3');
    await expect(heading('Silakan ambil struk Anda')).toBeVisible();
    await pad('E');
    await expect(heading('Apakah Anda ingin melakukan transaksi lain?')).toBeVisible({
      timeout: 4_000,
    });
    // Another transaction: 1 is yes, the balance again.
    await pad('1');
    await balance();
    // Cancel on the receipt screen ends the session: no timer goes there.
    await pad('3');
    await expect(heading('Silakan ambil struk Anda')).toBeVisible();
    await pad('X');
    await thankYouThenStart();
  });
});
