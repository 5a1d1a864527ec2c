import { checkScreen } from './support/check-screen.ts';
import { expect, tapDigits, test } from './support/fixtures.ts';

// The health probe every second, out after two failures: the outage shows within a few seconds.
test.use({ kioskConfig: { service: { hostProbeSeconds: 1, hostRetrySeconds: 1 } } });

test('a host that goes away ends the visit with a word, the kiosk rests out of service in both languages, and serves again by itself', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Tanggal Lahir/ })).toBeVisible();
  await tapDigits(page, '2902');

  await kiosk.setHostFaults({ status: 503 });
  // The visit ends with the reason, not with a spinner or a half-typed birth date.
  await expect(page.getByText('Kios ini baru saja tidak dapat melayani')).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId('entry-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(person.kpj);
  // Only Selesai is offered: no new try while out. The thank-you, then out of service.
  await expect(page.getByRole('button', { name: 'Coba Lagi' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Kios ini untuk sementara tidak dapat melayani' }),
  ).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('175')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mulai' })).toHaveCount(0);
  await checkScreen(page, 'host-outage-id', 'landscape');
  await page.keyboard.press('*');
  await expect(
    page.getByRole('heading', { name: 'This kiosk is temporarily out of service' }),
  ).toBeVisible();
  await expect(page.getByText('175')).toBeVisible();

  await kiosk.clearHostFaults();
  // The next person finds the start screen in the kiosk's own language.
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: /KPJ/ })).toBeVisible();
});
