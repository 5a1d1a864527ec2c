import { describe, expect, it } from 'vitest';
import type { StatusChangedEvent } from '../../../devices/common/device';
import { xfs4iotBarcodeReaderDriver } from '../../../devices/drivers/xfs4iot-barcode-reader';
import type { ScannerEvent, ScannerStatus } from '../../../devices/scanner';
import { payloads } from '../../scanner/scanner-simulator';
import type { SimulatedPublisher } from '../publisher';
import { createBarcodeReaderService } from './barcode-reader-service';
import { driverOnService } from './driver-on-service.test-helper';

type Event = ScannerEvent | StatusChangedEvent<ScannerStatus>;
const NAME = 'BarcodeReader1';
const KPJ = '12345678901';

describe('the XFS4IoT barcode reader driver against the simulated BarcodeReader service', () => {
  const open = driverOnService(xfs4iotBarcodeReaderDriver);
  let publisher: SimulatedPublisher | undefined;

  const readsSent = () =>
    publisher!.received.filter(
      (entry) => entry.service === NAME && entry.text.includes('"BarcodeReader.Read"'),
    );

  async function start() {
    const sim = createBarcodeReaderService({ name: NAME });
    const opened = await open(sim.service);
    publisher = opened.publisher;
    const scanner = opened.device;
    const events: Event[] = [];
    scanner.on((event) => events.push(event));
    expect((await scanner.open()).code).toBe('success');
    await expect.poll(() => readsSent().length).toBe(1);
    return { sim, events, scanner };
  }

  it('arms a Read for QR and Code 128, as the reference names them', async () => {
    await start();
    const command = JSON.parse(readsSent()[0]!.text) as { payload: unknown };
    expect(command.payload).toEqual({ symbologies: { qrCode: true, code128: true } });
  });

  it('a JMO QR gives a masked scan in the event and the KPJ once', async () => {
    const { sim, events, scanner } = await start();
    const read = scanner.readKpj(5000);
    await sim.control.scan(payloads.jmoUrl(KPJ), 'qr');
    const scan = { maskedKpj: '*******8901', source: 'jmoUrl', symbology: 'qr' };
    expect(await read).toEqual({ code: 'success', value: scan });
    expect(events).toContainEqual({ type: 'scanned', scan });
    expect(scanner.takeKpj()).toBe(KPJ);
    expect(scanner.takeKpj()).toBeUndefined();
    expect(JSON.stringify([events, scanner.status()])).not.toContain(KPJ);
    // Armed again for the next code.
    await expect.poll(() => readsSent().length).toBe(2);
  });

  it('a KPJ card’s Code 128 is read as a plain KPJ', async () => {
    const { sim, scanner } = await start();
    const read = scanner.readKpj(5000);
    await sim.control.scan(payloads.kpjCardBarcode(KPJ), 'code128');
    expect(await read).toMatchObject({
      code: 'success',
      value: { source: 'plain', symbology: 'code128' },
    });
    expect(scanner.takeKpj()).toBe(KPJ);
  });

  it('a code that is no KPJ payload is invalid data, without echoing it', async () => {
    const { sim, events, scanner } = await start();
    const read = scanner.readKpj(5000);
    await sim.control.scan('https://example.com/promo?id=99887766554', 'qr');
    expect(await read).toMatchObject({ code: 'invalidData' });
    expect(events).toContainEqual({ type: 'invalidData', reason: 'URL from an unknown host' });
    expect(JSON.stringify(events)).not.toContain('99887766554');
    expect(scanner.takeKpj()).toBeUndefined();
  });

  it('the service stopping is a lost link: the waiting read fails and linkLost is emitted', async () => {
    const { events, scanner } = await start();
    const read = scanner.readKpj(5000);
    publisher!.setRunning(NAME, false);
    expect(await read).toMatchObject({ code: 'deviceNotReady' });
    await expect.poll(() => events.some((event) => event.type === 'linkLost')).toBe(true);
    expect(scanner.status().device).toBe('offline');
  });
});
