import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVICE_SLOTS } from './device-slots';
import { DRIVERS, findDriver } from './registry';
import { createMemoryTransportPair } from '../transports/memory-transport';
import { TRANSPORT_KINDS } from '../transports/transport-kinds';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_FOLDERS = [
  'core',
  'devices',
  'electron',
  'web',
  'kiosk-diag',
  'scripts',
  'simulators',
];

function* productionSources(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* productionSources(path);
    } else if (
      /\.(ts|svelte)$/.test(entry.name) &&
      !/\.(test|test-helper|spec)\.ts$/.test(entry.name)
    )
      yield path;
  }
}

const sources = SOURCE_FOLDERS.flatMap((folder) => [...productionSources(join(ROOT, folder))]);
const outsideRegistry = sources.filter(
  (path) => !relative(ROOT, path).startsWith('devices/drivers/'),
);

describe('the driver registry', () => {
  it('holds each driver once: names and aliases are unique within a device class', () => {
    for (const deviceClass of Object.values(DEVICE_SLOTS)) {
      const names = DRIVERS.filter((d) => d.deviceClass === deviceClass).flatMap((d) => [
        d.name,
        ...(d.aliases ?? []),
      ]);
      expect(new Set(names).size, `${deviceClass}: ${names.join(', ')}`).toBe(names.length);
    }
    expect(new Set(DRIVERS.map((d) => d.name)).size).toBe(DRIVERS.length);
  });

  it('every driver accepts a config on each of its transports and creates its class', () => {
    const sample: Record<string, object> = {
      serial: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
      tcp: { type: 'tcp', host: '127.0.0.1', port: 9100 },
      hid: { type: 'hid', path: '/dev/hidraw0' },
      'device-file': { type: 'device-file', path: '/dev/usb/lp0' },
      xfs4iot: { type: 'xfs4iot', host: '127.0.0.1' },
    };
    expect(Object.keys(sample).sort()).toEqual(TRANSPORT_KINDS.map((k) => k.type).sort());
    for (const driver of DRIVERS)
      for (const type of driver.transports) {
        const parsed = driver.config.safeParse({ driver: driver.name, transport: sample[type] });
        expect(parsed.success, `${driver.name} over ${type}: ${parsed.error?.message}`).toBe(true);
        expect(findDriver(driver.name, driver.deviceClass)).toBe(driver);
        const device = driver.create(createMemoryTransportPair(driver.name).host, parsed.data!, {
          answerTimeoutMs: 100,
          pollIntervalMs: 0,
        });
        expect(device.deviceClass).toBe(driver.deviceClass);
      }
  });

  it('no production code outside the registry creates a driver or names one', () => {
    const driverClasses = /new (EscPosPrinter|MagstripeCardReader|FramedScanner|SerialPinPad)\(/;
    const names = DRIVERS.flatMap((d) => [d.name, ...(d.aliases ?? [])]).filter(
      // 'serial' and 'hid' are also transport types; only the drivers' own names are checked.
      (name) => !TRANSPORT_KINDS.some((kind) => kind.type === name),
    );
    const nameLiteral = new RegExp(`['"\`](${names.join('|')})['"\`]`);
    const offenders = outsideRegistry.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${relative(ROOT, path)}:${index + 1}` }))
        // Comments may name a driver; code may not.
        .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .filter(({ line }) => driverClasses.test(line) || nameLiteral.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
