import type { Page } from '@playwright/test';
import { checkScreen } from './support/check-screen.ts';
import { expect, tapDigits, test, type KioskStack } from './support/fixtures.ts';
import { tapTechnicianCorners } from './support/technician.ts';

// The printer is a USB printer-class device (`usb-printer` writing ESC/POS to a device file, as
// to /dev/usb/lp0) and the scanner a keyboard wedge (`keyboard-wedge` reading evdev input
// events), each on a pty stand-in with its simulator at the other end.
test.use({ kioskConfig: { technicianPin: '2468', simulateDevices: 'usb' } });

const row = (page: Page, device: string) => page.getByTestId(`tech-device-${device}`);
const result = (page: Page) => page.getByTestId('tech-result');

async function kioskDevice(kiosk: KioskStack, name: string) {
  const state = await kiosk.devices<{
    kioskDevices: Array<{ name: string; state: string; driver: string }>;
  }>('GET', '/api/state');
  return state.kioskDevices.find((device) => device.name === name);
}

/** The technician screen shows what it was last sent: ask again until `text` is in the row. */
async function rowShows(page: Page, device: string, text: string | RegExp): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: 'Muat Ulang' }).click();
    await expect(row(page, device)).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test('a USB printer and a keyboard-wedge scanner are tested, unplugged and plugged back from the technician screen', async ({
  page,
  kiosk,
}) => {
  for (const name of ['printer', 'scanner'])
    await expect.poll(async () => (await kioskDevice(kiosk, name))?.state).toBe('online');

  await tapTechnicianCorners(page);
  await tapDigits(page, '2468');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();

  // Both online, each with its driver and the device file it works through.
  await expect(row(page, 'printer')).toContainText('online');
  await expect(row(page, 'printer')).toContainText('usb-printer');
  await expect(row(page, 'printer')).toContainText(/file:\/\S+\/host/);
  await expect(row(page, 'scanner')).toContainText('online');
  await expect(row(page, 'scanner')).toContainText('keyboard-wedge');
  await expect(row(page, 'scanner')).toContainText(/file:\/\S+\/host/);
  // Each row offers its class's tests: the new drivers got them with nothing added.
  await expect(
    row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }),
  ).toBeVisible();
  await expect(row(page, 'scanner').getByRole('button', { name: 'Tes Pindai' })).toBeVisible();
  await expect(row(page, 'printer').getByRole('button', { name: 'Tes Pindai' })).toHaveCount(0);
  await checkScreen(page, 'tech-usb-devices', 'landscape-square');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await checkScreen(page, 'tech-usb-devices', 'portrait');
  await page.setViewportSize({ width: 1280, height: 1024 });

  // The test page goes through the device file to the printer.
  await row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }).click();
  await expect(result(page)).toContainText('Halaman tes tercetak');
  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  expect(receipts).toHaveLength(1);
  expect(receipts[0]!.join('\n')).toContain('TEST PAGE');
  expect(receipts[0]!.join('\n')).toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789');

  // A KPJ card barcode typed as keystrokes: the screen shows the masked KPJ only.
  await row(page, 'scanner').getByRole('button', { name: 'Tes Pindai' }).click();
  await expect(result(page)).toContainText('Menjalankan tes');
  await kiosk.devices('POST', '/api/scanner', { kind: 'kpjBarcode', fixture: 'active' });
  await expect(result(page)).toContainText('Terpindai *******2128');
  await expect(page.locator('.tech')).not.toContainText(kiosk.fixtures.active.kpj);

  // The USB cable pulled: the device file goes away and the kiosk keeps trying.
  await kiosk.devices('POST', '/api/printer', { connected: false });
  await rowShows(page, 'printer', 'Tidak terdeteksi, menyambung ulang');
  await expect(row(page, 'printer')).toContainText('noDevice (reconnecting)');
  await expect(
    row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }),
  ).toBeVisible();
  await expect(row(page, 'scanner')).toContainText('online');

  // Plugged back in: online again, and it prints.
  await kiosk.devices('POST', '/api/printer', { connected: true });
  await rowShows(page, 'printer', /^printer.*Siap/s);
  await expect(row(page, 'printer')).not.toContainText('reconnecting');
  await row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }).click();
  await expect(result(page)).toContainText('Halaman tes tercetak');
  const after = await kiosk.devices<{ receipts: string[][] }>('GET', '/api/printer/receipts');
  expect(after.receipts).toHaveLength(2);
});
