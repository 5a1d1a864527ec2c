import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusChangedEvent } from '../../devices/common/device';
import { FramedScanner } from '../../devices/scanner/scanner';
import type { ScannerEvent, ScannerStatus } from '../../devices/scanner/scanner-types';
import {
  nextEvent,
  openTestLink,
  type LinkKind,
  type TestLink,
} from '../card-reader/links.test-helper';
import { FIXTURES } from '../host';
import { payloads, ScannerSimulator, type ScannerSimulatorOptions } from './scanner-simulator';

type Event = ScannerEvent | StatusChangedEvent<ScannerStatus>;
const KPJ = FIXTURES.active.kpj;
const masked = '*******' + KPJ.slice(-4);

interface Rig {
  link: TestLink;
  scanner: FramedScanner;
  sim: ScannerSimulator;
  events: Event[];
}
const rigs: Rig[] = [];

async function rig(kind: LinkKind, options: Partial<ScannerSimulatorOptions> = {}): Promise<Rig> {
  const link = await openTestLink(kind);
  const sim = new ScannerSimulator(link.device, { mode: link.mode, aimIds: true, ...options });
  const scanner = new FramedScanner({ transport: link.host, mode: link.mode, scanTimeoutMs: 150 });
  const events: Event[] = [];
  scanner.on((event) => events.push(event));
  const made = { link, scanner, sim, events };
  rigs.push(made);
  expect((await scanner.open()).code).toBe('success');
  return made;
}

afterEach(async () => {
  for (const { scanner, link } of rigs.splice(0)) {
    await scanner.close();
    await link.close();
  }
});

describe.each<LinkKind>(['memory', 'mockSerial', 'hid', 'pty'])('scanner over %s', (kind) => {
  it.each([
    ['a KPJ card Code 128 barcode', payloads.kpjCardBarcode(KPJ), 'code128', 'plain'],
    ['a KPJ: prefixed code', payloads.prefixed(KPJ), 'qr', 'prefixed'],
    ['a JMO card URL QR', payloads.jmoUrl(KPJ), 'qr', 'jmoUrl'],
    ['a JMO JSON QR', payloads.jmoJson(KPJ), 'qr', 'jmoJson'],
  ] as const)('yields the KPJ from %s', async (_label, payload, symbology, source) => {
    const { scanner, sim } = await rig(kind);
    expect(scanner.status().device).toBe('online');
    const read = scanner.readKpj(2000);
    await sim.scan(payload, symbology);
    expect(await read).toEqual({
      code: 'success',
      value: { maskedKpj: masked, source, symbology },
    });
    expect(scanner.takeKpj()).toBe(KPJ);
    expect(scanner.takeKpj()).toBeUndefined();
  });

  it('reports anything else as invalid data with a reason, and keeps working', async () => {
    const { scanner, sim } = await rig(kind);
    const read = scanner.readKpj(2000);
    const invalid = nextEvent(scanner, (e: Event) => e.type === 'invalidData');
    await sim.scan('https://example.com/promo?id=8888777766665555', 'qr');
    expect(await read).toMatchObject({ code: 'invalidData' });
    expect(await invalid).toEqual({ type: 'invalidData', reason: 'URL from an unknown host' });
    const next = scanner.readKpj(2000);
    await sim.scan(payloads.kpjCardBarcode(KPJ), 'code128');
    expect((await next).code).toBe('success');
  });

  it('survives garbage on the line', async () => {
    const { scanner, sim } = await rig(kind);
    const read = scanner.readKpj(2000);
    await sim.sendGarbage(Uint8Array.of(0xff, 0xfe, 0x0d, 0x0a));
    expect((await read).code).toBe('invalidData');
    const next = scanner.readKpj(2000);
    await sim.scan(payloads.jmoUrl(KPJ));
    expect((await next).code).toBe('success');
  });

  it('drops a scan whose end never comes', async () => {
    const { scanner, sim } = await rig(kind);
    const read = scanner.readKpj(2000);
    await sim.sendPartial(KPJ);
    expect(await read).toMatchObject({
      code: 'invalidData',
      errorDescription: expect.stringContaining('incomplete'),
    });
  });

  it('times out and cancels', async () => {
    const { scanner } = await rig(kind);
    expect((await scanner.readKpj(30)).code).toBe('timeOut');
    const read = scanner.readKpj(5000);
    scanner.cancel();
    expect((await read).code).toBe('canceled');
  });

  if (kind !== 'hid') {
    it('reads from a slow scanner sending a byte at a time, LF-terminated', async () => {
      const { scanner, sim } = await rig(kind, { byteDelayMs: 1, terminator: '\n', aimIds: false });
      const read = scanner.readKpj(5000);
      await sim.scan(payloads.prefixed(KPJ));
      expect(await read).toMatchObject({ code: 'success', value: { symbology: 'unknown' } });
    });
  }

  if (kind !== 'pty') {
    it('reports a pulled cable and works again after replug and open', async () => {
      const { scanner, sim, link } = await rig(kind);
      const read = scanner.readKpj(3000);
      await link.unplug();
      expect((await read).code).toBe('deviceNotReady');
      expect(scanner.status().device).toBe('offline');
      await link.replug();
      expect((await scanner.open()).code).toBe('success');
      const again = scanner.readKpj(2000);
      await sim.scan(payloads.jmoJson(KPJ));
      expect((await again).code).toBe('success');
    });
  }
});

describe('scanner privacy', () => {
  it('events, completions and a pino log of them carry only the masked KPJ and never echo bad payloads', async () => {
    const { scanner, sim } = await rig('memory');
    const logged: string[] = [];
    const logger = pino(
      {},
      new Writable({
        write(chunk, _encoding, callback) {
          logged.push(String(chunk));
          callback();
        },
      }),
    );
    const captured: unknown[] = [];
    scanner.on((event) => logger.info({ event }, 'scanner event'));
    const secretPayload = 'https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=98765';
    for (const payload of [
      payloads.jmoUrl(KPJ),
      payloads.kpjCardBarcode(KPJ),
      secretPayload,
      '3174051708880004',
    ]) {
      const read = scanner.readKpj(2000);
      await sim.scan(payload);
      const result = await read;
      captured.push(result);
      logger.info({ result }, 'scan finished');
    }
    const everything = [JSON.stringify(captured), ...logged].join('\n');
    expect(everything).toContain(masked);
    expect(everything).not.toContain(KPJ);
    expect(everything).not.toContain('98765');
    expect(everything).not.toContain('3174051708880004');
  });
});
