import { expect, test, type KioskStack } from './support/fixtures.ts';
import {
  devicesOnline,
  confirmAndPrintReceipt,
  identifyWithCardAndPinPad,
  rupiah,
} from './support/devices.ts';
import { tapDigits } from './support/fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { tapTechnicianCorners } from './support/technician.ts';

// As in a bank ATM: the card reader, PIN pad, receipt printer and barcode reader are XFS4IoT
// services behind one service publisher, reached by the kiosk's XFS4IoT drivers.
test.use({ kioskConfig: { simulateDevices: 'xfs4iot', technicianPin: '2468' } });

interface ServiceState {
  name: string;
  running: boolean;
}

const services = async (kiosk: KioskStack) =>
  (await kiosk.devices<{ xfs4iot: { services: ServiceState[] } }>('GET', '/api/state')).xfs4iot
    .services;

test('a whole session on XFS4IoT devices: card, PIN pad, balance, a printed receipt', async ({
  page,
  kiosk,
}) => {
  expect((await services(kiosk)).map((service) => service.name)).toEqual([
    'CardReader1',
    'PinPad1',
    'Printer1',
    'BarcodeReader1',
  ]);
  await identifyWithCardAndPinPad(page, kiosk, { takeCard: true });
  await confirmAndPrintReceipt(page, kiosk);
});

test('the printer service stops mid-session: printing is unavailable, and back when it starts', async ({
  page,
  kiosk,
}) => {
  const person = kiosk.fixtures.active;
  await identifyWithCardAndPinPad(page, kiosk, { takeCard: true });
  await kiosk.devices('POST', '/api/pinpad', { keys: 'E' });
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toBeVisible();

  await kiosk.devices('POST', '/api/xfs4iot', { service: 'Printer1', running: false });
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toHaveCount(0);
  await expect(page.getByTestId('jht-closing')).toHaveText(rupiah(person.closingBalance));

  await kiosk.devices('POST', '/api/xfs4iot', { service: 'Printer1', running: true });
  await expect(page.getByRole('button', { name: /Cetak Struk/ })).toBeVisible({ timeout: 20_000 });
});

test('a scanned JMO QR code through the XFS4IoT barcode reader fills in the KPJ', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  await kiosk.devices('POST', '/api/scanner', { kind: 'jmoQr', fixture: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();
});

test('the technician screen shows each XFS4IoT service: driver, address and state', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  await tapTechnicianCorners(page);
  await tapDigits(page, '2468');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();
  for (const [device, driver, service] of [
    ['cardReader', 'xfs4iot-card-reader', 'CardReader1'],
    ['pinPad', 'xfs4iot-pinpad', 'PinPad1'],
    ['printer', 'xfs4iot-printer', 'Printer1'],
    ['scanner', 'xfs4iot-barcode-reader', 'BarcodeReader1'],
  ] as const) {
    const row = page.getByTestId(`tech-device-${device}`);
    await expect(row).toContainText(driver);
    await expect(row).toContainText(
      new RegExp(`ws://127\\.0\\.0\\.1:\\d+/xfs4iot/v1\\.0/${service}`),
    );
  }
  // Service addresses are long: the rows still fit the ATM's 5:4 screen and the portrait kiosk.
  await checkScreen(page, 'tech-xfs4iot-devices', 'landscape-square');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await checkScreen(page, 'tech-xfs4iot-devices', 'portrait');
});
