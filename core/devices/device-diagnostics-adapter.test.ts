import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES, type CapabilityName } from '../common/api';
import type { CardReaderCapabilities } from '../../devices/card-reader/card-reader-types';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { DevicesConfig } from '../../devices/manager/device-config';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { PinPadCapabilities } from '../../devices/pinpad/pinpad';
import type { ReceiptPrinterCapabilities } from '../../devices/printer/printer-types';
import type { ScannerCapabilities } from '../../devices/scanner/scanner-types';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { capabilityList, technicianDevice } from './device-diagnostics-adapter';

const PIN_PAD: DeviceSnapshot = {
  name: 'pinPad',
  deviceClass: 'pinPad',
  driver: 'serial-pinpad',
  transport: 'serial:/dev/ttyS1@9600',
  state: 'noDevice',
  detail: 'entry idle',
  capabilities: { plainEntry: true, pinEntry: false, pinFormats: [0, 4], model: 'EPP-1' },
  counters: { linkLosses: 2, reconnects: 1 },
  reconnecting: true,
};

/** Every capability a driver type declares (transport and serial are shown elsewhere or never). */
type DriverCapabilityName = Exclude<
  | keyof ReceiptPrinterCapabilities
  | keyof CardReaderCapabilities
  | keyof PinPadCapabilities
  | keyof ScannerCapabilities,
  'transport' | 'serial'
>;
/** Fails to compile when a driver declares a capability the screen has no word for. */
const everyDeclaredIsNamed: [Exclude<DriverCapabilityName, CapabilityName>] extends [never]
  ? true
  : Exclude<DriverCapabilityName, CapabilityName> = true;

describe('device diagnostics for technicians', () => {
  it('turns a manager snapshot into the technician view', () => {
    expect(
      technicianDevice(PIN_PAD, { type: 'serial', path: '/dev/ttyS1', baudRate: 9600 }),
    ).toEqual({
      name: 'pinPad',
      deviceClass: 'pinPad',
      state: 'noDevice (reconnecting)',
      driver: 'serial-pinpad',
      transport: 'serial:/dev/ttyS1@9600',
      detail: 'entry idle',
      capabilities: [
        { name: 'plainEntry' },
        { name: 'pinFormats', value: '0, 4' },
        { name: 'model', value: 'EPP-1' },
      ],
      portChangeable: true,
      tests: ['keypadTest', 'pinEntryTest'],
      firmware: 'EPP-1',
      lastError: undefined,
      counters: { linkLosses: 2, reconnects: 1 },
    });
  });

  it('offers no port change for a network device', () => {
    const device = technicianDevice(
      { ...PIN_PAD, transport: 'tcp:10.0.0.5:9100' },
      { type: 'tcp', host: '10.0.0.5', port: 9100 },
    );
    expect(device.portChangeable).toBe(false);
  });

  it('leaves out false flags and the transport (shown separately)', () => {
    expect(
      capabilityList({ qrCode: true, cutter: false, transport: 'tcp:x', columns: 42 }),
    ).toEqual([{ name: 'qrCode' }, { name: 'columns', value: '42' }]);
  });

  it('names every capability the drivers report', () => {
    expect(everyDeclaredIsNamed).toBe(true);
    const serial = { type: 'serial', path: '/dev/null', baudRate: 9600 } as const;
    const config: DevicesConfig = {
      printer: { driver: 'escpos', transport: serial },
      cardReader: { driver: 'magstripe', mode: 'serial', transport: serial },
      pinPad: { driver: 'serial-pinpad', transport: serial },
      scanner: { driver: 'serial', transport: serial },
    };
    const manager = new DeviceManager(config, {
      transportFactory: () => createMemoryTransportPair().host,
    });
    const reported = manager
      .snapshots()
      .flatMap((snapshot) => capabilityList(snapshot.capabilities).map((c) => c.name));
    expect(reported.length).toBeGreaterThan(10);
    const named: readonly string[] = CAPABILITY_NAMES;
    expect(reported.filter((name) => !named.includes(name))).toEqual([]);
  });
});
