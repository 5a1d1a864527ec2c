import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, tapDigits, test } from './support/fixtures.ts';
import { tapCorner, technicianJournal } from './support/technician.ts';

test.use({ kioskConfig: { technicianPin: '2468' } });

test('a technician opens diagnostics with the corner sequence and PIN, tests the host, and it is journaled', async ({
  page,
  kiosk,
}) => {
  // The wrong order does nothing.
  for (const corner of ['tl', 'bl', 'tr', 'br'] as const) await tapCorner(page, corner);
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();

  for (const corner of ['tl', 'tr', 'br', 'bl'] as const) await tapCorner(page, corner);
  await expect(page.getByRole('heading', { name: 'Mode Teknisi' })).toBeVisible();
  await tapDigits(page, '1111');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('alert')).toHaveText('PIN salah. Sisa 2 kali percobaan.');
  await tapDigits(page, '2468');
  await expect(page.getByTestId('tech-pin')).toHaveText('●●●●');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();
  await expect(page.getByText('KSK-DEV-01', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Tes Koneksi Host' }).click();
  await expect(page.getByTestId('tech-result')).toContainText('Host terjangkau');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();

  // The exit is journaled as the screen goes back to the start: wait for its record.
  await expect
    .poll(() => technicianJournal(kiosk.journalDir).map((record) => record.action))
    .toEqual(['entryRequested', 'pinFailed', 'enter', 'testHost', 'exit']);
  const journal = readdirSync(kiosk.journalDir)
    .map((file) => readFileSync(join(kiosk.journalDir, file), 'utf8'))
    .join('');
  expect(journal).not.toContain('2468');
});
