import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, tapDigits, test } from './support/fixtures.ts';

async function tapCorner(page: Page, corner: 'tl' | 'tr' | 'bl' | 'br') {
  const { width, height } = page.viewportSize()!;
  await page.mouse.click(
    corner.endsWith('l') ? 5 : width - 5,
    corner.startsWith('t') ? 5 : height - 5,
  );
}

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
  await expect(page.getByTestId('tech-result')).toContainText('Host reachable');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();

  const journal = readdirSync(kiosk.journalDir)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => readFileSync(join(kiosk.journalDir, file), 'utf8'))
    .join('');
  const actions = journal
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; data: { action?: string } })
    .filter((record) => record.type === 'technicianAction')
    .map((record) => record.data.action);
  expect(actions).toEqual(['entryRequested', 'pinFailed', 'enter', 'testHost', 'exit']);
  expect(journal).not.toContain('2468');
});
