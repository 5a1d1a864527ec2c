import { expect, tapDigits, test } from './support/fixtures.ts';
import { installFakeSpeech, utterances } from './support/fake-speech.ts';
test.use({ kioskConfig: { service: { hostProbeSeconds: 1, hostRetrySeconds: 1 } } });
for (const size of [{ width: 1080, height: 1920 }, { width: 1280, height: 1024 }, { width: 1024, height: 768 }]) {
  test(`walk ${size.width}`, async ({ page, kiosk }) => {
    await installFakeSpeech(page);
    await page.setViewportSize(size);
    await page.reload();
    await page.keyboard.press('#');
    await page.getByRole('button', { name: 'Mulai' }).click();
    await tapDigits(page, kiosk.fixtures.active.kpj);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByTestId('entry-value')).toHaveText('__-__-____');
    await kiosk.setHostFaults({ status: 503 });
    await expect(page.getByText('Kios ini baru saja')).toBeVisible({ timeout: 10000 });
    await page.screenshot({ path: `/tmp/walk-${size.width}-error.png` });
    console.log(JSON.stringify(await utterances(page)));
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-screen="outOfService"]')).toBeVisible();
    await page.screenshot({ path: `/tmp/walk-${size.width}-oos.png` });
  });
}
