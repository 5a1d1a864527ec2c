import { expect, tapDigits, test, toBalanceByTouch } from './support/fixtures.ts';

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
  await expect(page.getByText('Connecting…')).toBeVisible({ timeout: 2_000 });
  await expect(page.getByTestId('jht-closing')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(kpjTail);
  expect(html).not.toContain(person.kpj.slice(-4));

  await kiosk.restartBrain();
  // The new brain counts its views from 0 again; the page shows them all the same.
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(kpjTail)).toHaveCount(0);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await tapDigits(page, '123');
  await expect(page.getByTestId('entry-value')).toHaveText(/^123/);
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('entry-value')).toHaveText(/^12(?!3)/);
});
