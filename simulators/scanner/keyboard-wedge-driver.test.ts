import { afterEach, describe, expect, it } from 'vitest';
import { evdevFifoStandIn } from './evdev-fifo.test-helper';
import type { Transport } from '../../devices/common/transport';
import { keyboardWedgeDriver } from '../../devices/drivers/keyboard-wedge';
import { findDriver } from '../../devices/drivers/registry';
import { parseDevicesConfig } from '../../devices/manager/device-config';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { StatusChangedEvent } from '../../devices/common/device';
import type { Scanner, ScannerEvent, ScannerStatus } from '../../devices/scanner';
import { KeyboardReportDecoder } from '../../devices/scanner/keyboard-report-decoder';
import { FramedScanner } from '../../devices/scanner/scanner';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { createTransport } from '../../devices/transports/transport-kinds';
import { nextEvent } from '../card-reader/links.test-helper';
import { FIXTURES } from '../host';
import { keyboardReportsFor } from './keyboard-wedge-encoder';
import { payloads } from './scanner-simulator';

type WedgeEvent = ScannerEvent | StatusChangedEvent<ScannerStatus>;
const KPJ = FIXTURES.active.kpj;
const masked = '*******' + KPJ.slice(-4);
const context = { answerTimeoutMs: 200, pollIntervalMs: 0 };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A scanner that types: `type(text)` sends `text` + Enter the way its link carries keys. */
interface Wedge {
  scanner: Scanner;
  type(text: string): Promise<void>;
}

async function sendAll(device: Transport, reports: Uint8Array[]): Promise<void> {
  for (const report of reports) await device.write(report);
}

/** The hid path: boot keyboard reports, one report per transport chunk as node-hid gives them. */
async function overHid(
  scanner?: (host: Transport) => Scanner,
): Promise<Wedge & { send(reports: Uint8Array[]): Promise<void> }> {
  const { host, device } = createMemoryTransportPair('hid-keyboard');
  await device.open();
  const config = keyboardWedgeDriver.config.parse({
    driver: 'keyboard-wedge',
    transport: { type: 'hid', path: '/dev/hidraw3' },
  });
  const made = scanner?.(host) ?? keyboardWedgeDriver.create(host, config, context);
  cleanups.push(() => made.close());
  expect((await made.open()).code).toBe('success');
  return {
    scanner: made,
    type: (text) => sendAll(device, keyboardReportsFor(text)),
    send: (reports) => sendAll(device, reports),
  };
}

const evdevStandIn = () => evdevFifoStandIn(cleanups);

async function overEvdev(): Promise<Wedge> {
  const standIn = await evdevStandIn();
  const config = keyboardWedgeDriver.config.parse({
    driver: 'keyboard-wedge',
    transport: { type: 'device-file', path: standIn.path },
  });
  const scanner = keyboardWedgeDriver.create(createTransport(config.transport), config, context);
  cleanups.push(() => scanner.close());
  expect((await scanner.open()).code).toBe('success');
  return { scanner, type: (text: string) => standIn.type(text) };
}

describe.each([
  ['HID keyboard reports (hid transport)', overHid],
  ['evdev input events (device-file transport on a FIFO)', overEvdev],
] as const)('keyboard-wedge driver over %s', (_label, link) => {
  it('reads a KPJ card barcode: scanned with the masked KPJ, the full one taken once', async () => {
    const { scanner, type } = await link();
    expect(scanner.capabilities().mode).toBe('keyboard');
    const scanned = nextEvent<WedgeEvent>(scanner, (e) => e.type === 'scanned');
    const read = scanner.readKpj(3000);
    await type(payloads.kpjCardBarcode(KPJ));
    expect(await read).toEqual({
      code: 'success',
      value: { maskedKpj: masked, source: 'plain', symbology: 'unknown' },
    });
    expect(await scanned).toEqual({
      type: 'scanned',
      scan: { maskedKpj: masked, source: 'plain', symbology: 'unknown' },
    });
    expect(scanner.takeKpj()).toBe(KPJ);
    expect(scanner.takeKpj()).toBeUndefined();
  });

  it('reads a JMO digital card QR typed with an AIM identifier', async () => {
    const { scanner, type } = await link();
    const read = scanner.readKpj(3000);
    await type(']Q1' + payloads.jmoUrl(KPJ));
    expect(await read).toEqual({
      code: 'success',
      value: { maskedKpj: masked, source: 'jmoUrl', symbology: 'qr' },
    });
  });

  it('reports a code that is no KPJ as invalid data, without echoing it, and reads on', async () => {
    const { scanner, type } = await link();
    const invalid = nextEvent<WedgeEvent>(scanner, (e) => e.type === 'invalidData');
    const read = scanner.readKpj(3000);
    await type('https://example.com/promo?id=8888777766665555');
    expect(await read).toMatchObject({ code: 'invalidData' });
    expect(await invalid).toEqual({ type: 'invalidData', reason: 'URL from an unknown host' });
    const next = scanner.readKpj(3000);
    await type(payloads.jmoJson(KPJ));
    expect(await next).toMatchObject({ code: 'success', value: { source: 'jmoJson' } });
  });
});

describe('keyboard-wedge scan timing', () => {
  it('drops a code whose Enter never comes, after the scan timeout', async () => {
    const { scanner, send } = await overHid(
      (host) =>
        new FramedScanner({
          transport: host,
          codec: new KeyboardReportDecoder(),
          scanTimeoutMs: 100,
        }),
    );
    const read = scanner.readKpj(3000);
    await send(keyboardReportsFor(KPJ).slice(0, -2)); // all but the Enter's press and release
    expect(await read).toMatchObject({
      code: 'invalidData',
      errorDescription: expect.stringContaining('incomplete'),
    });
  });

  it('takes a lone Enter for nothing and reads the code after it', async () => {
    const { scanner, type } = await overHid();
    const read = scanner.readKpj(3000);
    await type('');
    await type(KPJ);
    expect(await read).toMatchObject({ code: 'success', value: { maskedKpj: masked } });
  });
});

describe('DeviceManager with devices.scanner = keyboard-wedge', () => {
  async function started(raw: unknown, host?: Transport): Promise<DeviceManager> {
    const manager = new DeviceManager(parseDevicesConfig(raw), {
      transportFactory: host ? () => host : undefined,
      statusTimeoutMs: 200,
    });
    cleanups.push(() => manager.stop());
    await manager.start();
    return manager;
  }

  it('opens the evdev node from the config and gets a scan, counted for technicians', async () => {
    const standIn = await evdevStandIn();
    const manager = await started({
      scanner: { driver: 'keyboard-wedge', transport: { type: 'device-file', path: standIn.path } },
    });
    expect(manager.snapshot('scanner')).toMatchObject({
      driver: 'keyboard-wedge',
      state: 'online',
      capabilities: { mode: 'keyboard' },
    });
    const read = manager.scanner!.readKpj(3000);
    await standIn.type(payloads.jmoUrl(KPJ));
    expect(await read).toMatchObject({ code: 'success', value: { maskedKpj: masked } });
    expect(manager.snapshot('scanner')?.counters).toMatchObject({ scans: 1, invalidScans: 0 });
  });

  it('reads numbered HID keyboard reports with the reportId from the config', async () => {
    const { host, device } = createMemoryTransportPair('hid-keyboard');
    await device.open();
    const manager = await started(
      {
        scanner: {
          driver: 'keyboard-wedge',
          reportId: 1,
          transport: { type: 'hid', vendorId: 0x0c2e, productId: 0x0b61 },
        },
      },
      host,
    );
    const read = manager.scanner!.readKpj(3000);
    await sendAll(device, keyboardReportsFor(payloads.prefixed(KPJ), { reportId: 1 }));
    expect(await read).toMatchObject({ code: 'success', value: { source: 'prefixed' } });
  });

  it.each([
    [
      {
        driver: 'keyboard-wedge',
        transport: { type: 'serial', path: '/dev/ttyACM0', baudRate: 9600 },
      },
      "devices.scanner.transport.type: Expected one of 'hid', 'device-file'",
    ],
    [
      { driver: 'keyboard-wedge', transport: { type: 'device-file' } },
      'devices.scanner.transport.path: Required',
    ],
    [
      {
        driver: 'keyboard-wedge',
        reportId: 1,
        transport: { type: 'device-file', path: '/dev/input/event3' },
      },
      "devices.scanner.reportId: reportId is for a 'hid' transport",
    ],
    [
      { driver: 'keyboard-wedge', layout: 'de', transport: { type: 'hid', path: '/dev/hidraw0' } },
      'devices.scanner: Unrecognized key: "layout"',
    ],
  ])('refuses a bad entry and names the field: %j', (scanner, message) => {
    expect(() => parseDevicesConfig({ scanner })).toThrow(message);
  });

  it('is in the registry under its name, for the scanner slot only', () => {
    expect(findDriver('keyboard-wedge', 'scanner')).toBe(keyboardWedgeDriver);
    expect(findDriver('keyboard-wedge', 'cardReader')).toBeUndefined();
  });
});
