import { expect, test } from './support/fixtures.ts';

// Outside opening hours all day long, so the test does not depend on the clock.
test.use({ kioskConfig: { maintenance: { displayOff: { from: '00:00', to: '24:00' } } } });

test('outside opening hours the screen is dark with nothing to press; a touch lights the start screen and starts nothing', async ({
  page,
  kiosk,
}) => {
  expect(kiosk.url).toBeTruthy();
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'screenOff');
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/Kios beristirahat di luar jam layanan/);
  const shot = await page.screenshot();
  expect(shot.length).toBeGreaterThan(0);

  await page.mouse.click(400, 400);
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: /KPJ/ })).toBeVisible();
});
