import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkScreen } from './support/check-screen.ts';
import { expect, tapDigits, test } from './support/fixtures.ts';
import { devicesOnline } from './support/devices.ts';
import { journalRecords, tapTechnicianCorners, technicianJournal } from './support/technician.ts';

test.use({ kioskConfig: { technicianPin: '2468', simulateDevices: true } });

async function signIn(page: Page): Promise<void> {
  await tapDigits(page, '2468');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeVisible();
}

const row = (page: Page, device: string) => page.getByTestId(`tech-device-${device}`);
const result = (page: Page) => page.getByTestId('tech-result');

test('a printer without paper and an unplugged card reader are found, fixed and proved fixed from the technician screen', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  // What the technician walks up to: the printer ran out of paper, the card reader's cable
  // was pulled and then pushed into a different USB socket.
  await kiosk.devices('POST', '/api/printer', { paper: 'out' });
  await kiosk.devices('POST', '/api/card', { action: 'unplug' });

  await tapTechnicianCorners(page);
  await signIn(page);

  // Found: both problems are on the diagnostics screen.
  await expect(row(page, 'printer')).toContainText('paper out');
  await expect(row(page, 'cardReader')).toContainText('noDevice');
  // ... and in the event list, with what happened.
  const events = page.getByTestId('tech-events');
  await expect(
    events.getByRole('listitem').filter({ hasText: 'cardReader' }).first(),
  ).toContainText(/noDevice.*link lost/);
  await expect(events.getByRole('listitem').filter({ hasText: 'printer' }).first()).toContainText(
    'paper out',
  );
  // An Indonesian screen speaks Indonesian and shows kiosk time (WIB), never a UTC instant.
  await expect(page.getByRole('heading', { name: 'Peristiwa Perangkat (WIB)' })).toBeVisible();
  await expect(row(page, 'printer').getByTestId('tech-capabilities')).toContainText(
    'Cetak kode QR',
  );
  await expect(row(page, 'printer').getByTestId('tech-capabilities')).not.toContainText('qrCode');
  // The unplugged reader's last error, at kiosk time.
  await expect(row(page, 'cardReader')).toContainText(/\(\d\d-\d\d-\d{4} \d\d:\d\d WIB\)/);
  expect(await page.locator('.tech').innerText()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  // The embedded printer is a network printer: it has an address, not a port to change.
  await expect(row(page, 'printer').getByRole('button', { name: 'Ganti Port' })).toHaveCount(0);
  await row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }).click();
  await expect(result(page)).toContainText('✗');
  await expect(result(page)).toContainText('Halaman tes gagal');
  await expect(result(page)).toContainText('paper');

  // Printer fixed: paper loaded, the test page prints.
  await kiosk.devices('POST', '/api/printer', { paper: 'ok' });
  await page.getByRole('button', { name: 'Muat Ulang' }).click();
  await expect(row(page, 'printer')).toContainText('paper full');
  await row(page, 'printer').getByRole('button', { name: 'Cetak Halaman Tes' }).click();
  await expect(result(page)).toContainText('Halaman tes tercetak');
  const { receipts } = await kiosk.devices<{ receipts: string[][] }>(
    'GET',
    '/api/printer/receipts',
  );
  expect(receipts.at(-1)!.join('\n')).toContain('TEST PAGE');

  // Card reader: plugged into another port, so the kiosk still does not find it there.
  const { port: sparePort } = await kiosk.devices<{ port: string }>('POST', '/api/card', {
    action: 'plug',
    slot: 'spare',
  });
  await page.getByRole('button', { name: 'Muat Ulang' }).click();
  await expect(row(page, 'cardReader')).toContainText('noDevice');
  await row(page, 'cardReader').getByRole('button', { name: 'Ganti Port' }).click();
  const setup = page.getByTestId('port-setup');
  await expect(setup.getByRole('heading', { name: 'Port cardReader' })).toBeVisible();
  const spare = setup.getByRole('button', { name: new RegExp(sparePort) });
  await expect(spare).toBeEnabled();
  // The scanner's and pin pad's ports are listed but cannot be taken.
  await expect(setup.getByRole('button', { name: /dipakai scanner/ })).toBeDisabled();
  await checkScreen(page, 'tech-port-setup', 'landscape-square');

  await spare.click();
  await expect(result(page)).toContainText(`cardReader menjawab di serial ${sparePort}`);
  await expect(row(page, 'cardReader')).toContainText('online');
  await expect(setup).toContainText('Belum disimpan');
  await setup.getByRole('button', { name: 'Simpan ke Konfigurasi' }).click();
  await expect(setup).toContainText(`Tersimpan di ${kiosk.configFile}`);
  const saved = JSON.parse(readFileSync(kiosk.configFile, 'utf8'));
  expect(saved.devices.cardReader.transport.path).toBe(sparePort);
  const previous = JSON.parse(readFileSync(`${kiosk.configFile}.prev`, 'utf8'));
  expect(previous.devices.cardReader.transport.path).not.toBe(sparePort);
  // Both hold the technician PIN hash: readable by the kiosk's user only.
  for (const file of [kiosk.configFile, `${kiosk.configFile}.prev`])
    expect(statSync(file).mode & 0o777).toBe(0o600);
  await setup.getByRole('button', { name: 'Tutup' }).click();
  await expect(setup).toBeHidden();

  // Proved: a card read test on the new port shows the masked number only.
  await row(page, 'cardReader').getByRole('button', { name: 'Tes Baca Kartu' }).click();
  await expect(result(page)).toContainText('Menjalankan tes');
  await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'active' });
  await expect(result(page)).toContainText('Kartu KPJ *******2128 terbaca, trek 1+2');
  await expect(result(page)).not.toContainText(kiosk.fixtures.active.kpj);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Mulai' })).toBeVisible();
  // And a participant's card works again.
  await kiosk.devices('POST', '/api/card', { action: 'insert', card: 'active' });
  await expect(page.getByRole('heading', { name: /Masukkan Tanggal Lahir/ })).toBeVisible();

  // The faults and the recoveries are in the journal too.
  const faults = journalRecords(kiosk.journalDir)
    .filter((r) => r.type === 'deviceFault' || r.type === 'deviceRecovered')
    .map((r) => `${r.type} ${r.data.device}${r.data.fault ? `: ${r.data.fault}` : ''}`);
  expect(faults).toEqual(
    expect.arrayContaining([
      // The printer's offline bit and its paper sensor arrive in two status answers: either may be first.
      expect.stringMatching(/^deviceFault printer: (offline|online), paper out$/),
      'deviceRecovered printer',
      expect.stringMatching(/^deviceFault cardReader: (offline|noDevice), link lost/),
      'deviceRecovered cardReader',
    ]),
  );
  // The exit is journaled as the screen goes back to the start: wait for its record.
  await expect
    .poll(() => technicianJournal(kiosk.journalDir).map((entry) => entry.action))
    .toEqual([
      'entryRequested',
      'enter',
      'printTestPage',
      'printTestPage',
      'configurePort',
      'choosePort',
      'savePort',
      'closePortSetup',
      'readCardTest',
      'exit',
    ]);
});

test('a technician card opens the PIN prompt; the card alone does not open diagnostics', async ({
  page,
  kiosk,
}) => {
  await devicesOnline(kiosk);
  await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'technician' });
  await expect(page.getByRole('heading', { name: 'Mode Teknisi' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Diagnostik Perangkat' })).toBeHidden();
  await signIn(page);
  await expect
    .poll(() => technicianJournal(kiosk.journalDir)[0])
    .toEqual({ action: 'entryRequested', detail: expect.stringMatching(/^card \*{4}\d{4}$/) });
});
