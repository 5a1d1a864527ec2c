import type { Page } from '@playwright/test';
import { expect, tapDigits, test } from './support/fixtures.ts';
import { tapTechnicianCorners } from './support/technician.ts';

// A kiosk at a branch in Makassar: every time on screen is Makassar time, WITA (UTC+8).
test.use({ kioskConfig: { timeZone: 'Asia/Makassar', technicianPin: '2468' } });

const LOCK_MS = 15 * 60_000; // session.lockMinutes and technician.lockMinutes, both by default

/** HH:MM in Makassar for each minute the lock may have been set in (from `since` to now). */
function makassarTimes(since: number, plusMs: number): string[] {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Makassar',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const times = new Set<string>();
  for (let at = since; at <= Date.now() + 60_000; at += 60_000)
    times.add(format.format(new Date(at + plusMs)));
  return [...times];
}

async function wrongPin(page: Page): Promise<void> {
  await tapDigits(page, '1111');
  await page.getByRole('button', { name: 'Lanjut' }).click();
}

test('a kiosk in Makassar says when a locked KPJ may try again in WITA', async ({
  page,
  kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, kiosk.fixtures.active.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
  const since = Date.now();
  for (const left of [2, 1, 0]) {
    await tapDigits(page, '01011970');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    if (left) await expect(page.getByRole('alert')).toContainText(`Sisa ${left} kali`);
  }
  await expect(page.getByRole('heading', { name: 'Akses dikunci sementara' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/setelah pukul \d\d:\d\d WITA\./);
  const shown = /pukul (\d\d:\d\d) WITA/.exec((await alert.textContent()) ?? '')![1];
  // Makassar's clock, not Jakarta's (an hour behind) nor the browser's.
  expect(makassarTimes(since, LOCK_MS)).toContain(shown);
  await expect(page.locator('main')).not.toContainText('WIB');
});

test('the technician screens of a kiosk in Makassar say WITA: the zone, and the PIN lock', async ({
  page,
  kiosk: _kiosk,
}) => {
  await tapTechnicianCorners(page);
  await tapDigits(page, '2468');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();
  await expect(page.getByTestId('tech-time-zone')).toHaveText('WITA (Asia/Makassar)');
  // The kiosk info in Indonesian words, not English ones.
  const info = page.getByRole('region', { name: 'Info Kiosk' });
  await expect(info.getByText('ID terminal', { exact: true })).toBeVisible();
  await expect(info).toContainText(/\d+ menit/);
  await expect(info).not.toContainText(/\bmin\b/);
  await page.getByRole('button', { name: 'Keluar' }).click();

  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();
  await tapTechnicianCorners(page);
  await expect(page.getByRole('heading', { name: 'Mode Teknisi' })).toBeVisible();
  const since = Date.now();
  const alert = page.getByRole('alert');
  for (const left of [2, 1]) {
    await wrongPin(page);
    await expect(alert).toHaveText(`PIN salah. Sisa ${left} kali percobaan.`);
  }
  await wrongPin(page);
  await expect(alert).toContainText(/dikunci sampai pukul \d\d:\d\d WITA\./);
  const shown = /pukul (\d\d:\d\d) WITA/.exec((await alert.textContent()) ?? '')![1];
  expect(makassarTimes(since, LOCK_MS)).toContain(shown);
});
