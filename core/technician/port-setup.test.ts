import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Intent, TechnicianView } from '../common/api';
import { DeviceManager } from '../../devices/manager/device-manager';
import {
  memorySerialPorts,
  plugInPrinter,
  serialAt,
} from '../../devices/manager/memory-ports.test-helper';
import { ConfigFileStore } from '../config/config-file-store';
import { DeviceDiagnosticsAdapter } from '../devices/device-diagnostics-adapter';
import { PortConfiguratorAdapter } from '../devices/port-configurator-adapter';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import type { JournalEntryInput } from '../journal/journal-entry';
import { silentLogger } from '../log/logger';
import { hashTechnicianPin } from './pin-hash';
import { PortSetup } from './port-setup';
import { TechnicianMode } from './technician-mode';
import type { TechnicianPort } from './technician-port';

let pinHash: string;
beforeAll(async () => {
  pinHash = await hashTechnicianPin('2468');
});

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.stop();
});

const FILE_CONFIG = {
  terminalId: 'KSK-JKT-07',
  devices: {
    printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') },
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
  },
};

/** A kiosk whose printer was plugged into ttyUSB1 instead of its configured ttyUSB0. */
async function kioskWithMovedPrinter(options: { configFile?: boolean } = {}) {
  const { device, factory } = memorySerialPorts('/dev/ttyUSB0', '/dev/ttyUSB1', '/dev/ttyS0');
  await plugInPrinter(device('/dev/ttyUSB1'));
  const manager = new DeviceManager(FILE_CONFIG.devices as never, {
    transportFactory: factory,
    statusTimeoutMs: 200,
    printerPollIntervalMs: 0,
  });
  managers.push(manager);
  await manager.start();
  const dir = await mkdtemp(join(tmpdir(), 'port-setup-'));
  const configFile = join(dir, 'kiosk.json');
  const original = JSON.stringify(FILE_CONFIG, null, 2);
  await writeFile(configFile, original);
  const adapter = new PortConfiguratorAdapter(manager, {
    serialPorts: async () => ({
      devices: [
        { path: '/dev/ttyS0' },
        { path: '/dev/ttyUSB0', manufacturer: 'FTDI' },
        { path: '/dev/ttyUSB1', manufacturer: 'Prolific', vendorId: '067b', productId: '2303' },
      ],
    }),
    hidDevices: async () => ({ devices: [] }),
  });
  const journal: JournalEntryInput[] = [];
  const port: TechnicianPort = {
    devices: () => [],
    events: () => [],
    info: () => ({
      version: '0',
      terminalId: 'KSK-JKT-07',
      uptimeSeconds: 0,
      configPath: configFile,
      hostUrl: 'http://127.0.0.1:1',
      journalDir: dir,
      journalFreeBytes: null,
    }),
    run: vi.fn(async () => ({ ok: true, message: { code: 'portSetupClosed' } as const })),
  };
  const mode = new TechnicianMode(
    {
      pinHash,
      tapSequence: ['tl', 'tr', 'br', 'bl'],
      tapWindowMs: 5000,
      maxPinAttempts: 3,
      lockMs: 60_000,
      idleTimeoutMs: 120_000,
    },
    {
      port,
      portSetup: new PortSetup(
        adapter,
        new ConfigFileStore(options.configFile === false ? null : configFile),
      ),
      audit: { record: async (entry) => void journal.push(entry) },
      logger: silentLogger(),
      now: () => new Date(),
      onChange: () => {},
    },
  );
  (['tl', 'tr', 'br', 'bl'] as const).forEach((corner) => mode.cornerTap(corner));
  for (const digit of '2468') mode.handle({ type: 'digit', digit });
  mode.handle({ type: 'enter' });
  await vi.waitFor(() => expect(mode.screen()).toBe('technician'), { timeout: 5000 });

  const act = async (action: string, extra: { device?: string; port?: string } = {}) => {
    mode.handle({ type: 'technicianAction', action, ...extra } as Intent);
    await vi.waitFor(() => expect(mode.view('en').busy).toBe(false), { timeout: 5000 });
    return mode.view('en') as TechnicianView & {
      lastResult: NonNullable<TechnicianView['lastResult']>;
    };
  };
  return { mode, manager, act, configFile, original, journal };
}

describe('port setup in technician mode', () => {
  it('finds the printer on another port, moves it there, and saves the config with the previous file kept', async () => {
    const { manager, act, configFile, original, journal } = await kioskWithMovedPrinter();
    expect(manager.snapshot('printer')!.state).toBe('noDevice');

    const listed = await act('configurePort', { device: 'printer' });
    expect(listed.portSetup).toMatchObject({
      device: 'printer',
      current: 'serial /dev/ttyUSB0',
      unsaved: false,
      canSave: false,
    });
    expect(listed.portSetup!.candidates).toEqual([
      { id: 'serial:/dev/ttyS0', label: '/dev/ttyS0', current: false, inUseBy: null },
      { id: 'serial:/dev/ttyUSB0', label: '/dev/ttyUSB0 (FTDI)', current: true, inUseBy: null },
      {
        id: 'serial:/dev/ttyUSB1',
        label: '/dev/ttyUSB1 (Prolific) [067b:2303]',
        current: false,
        inUseBy: null,
      },
    ]);

    const moved = await act('choosePort', { device: 'printer', port: 'serial:/dev/ttyUSB1' });
    expect(moved.lastResult).toMatchObject({ ok: true });
    expect(moved.portSetup).toMatchObject({ current: 'serial /dev/ttyUSB1', unsaved: true });
    expect(manager.snapshot('printer')!.state).toBe('online');

    const saved = await act('savePort', { device: 'printer' });
    expect(saved.lastResult.ok).toBe(true);
    expect(saved.lastResult.detail).toContain(`${configFile}.prev`);
    expect(saved.portSetup).toMatchObject({ unsaved: false, savedTo: configFile });
    const written = JSON.parse(await readFile(configFile, 'utf8'));
    expect(written.devices.printer.transport).toEqual(serialAt('/dev/ttyUSB1'));
    expect(written.terminalId).toBe('KSK-JKT-07');
    expect(await readFile(`${configFile}.prev`, 'utf8')).toBe(original);

    await act('closePortSetup');
    expect(manager.transportConfig('printer')).toEqual(serialAt('/dev/ttyUSB1'));
    const actions = journal.map((entry) => entry.data as { action: string; detail?: string });
    expect(actions.filter((a) => a.action !== 'entryRequested' && a.action !== 'enter')).toEqual([
      { action: 'configurePort', detail: 'printer ok' },
      { action: 'choosePort', detail: 'printer serial:/dev/ttyUSB1 ok' },
      { action: 'savePort', detail: 'printer ok' },
      { action: 'closePortSetup', detail: 'printer ok' },
    ]);
  });

  it('keeps the old port when nothing answers on the chosen one, and names why', async () => {
    const { manager, act } = await kioskWithMovedPrinter();
    await act('configurePort', { device: 'printer' });
    const tried = await act('choosePort', { device: 'printer', port: 'serial:/dev/ttyS0' });
    expect(tried.lastResult.ok).toBe(false);
    expect(tried.lastResult.detail).toMatch(/not online on serial \/dev\/ttyS0/);
    expect(tried.portSetup).toMatchObject({ current: 'serial /dev/ttyUSB0', unsaved: false });
    expect(manager.transportConfig('printer')).toEqual(serialAt('/dev/ttyUSB0'));
    const refused = await act('choosePort', { device: 'printer', port: 'serial:/etc/passwd' });
    expect(refused.lastResult).toMatchObject({ ok: false });
    expect(refused.lastResult.detail).toContain('Not a port that was found');
  });

  it('moves an unsaved change back when the setup is closed or technician mode ends', async () => {
    const { mode, manager, act, configFile, original } = await kioskWithMovedPrinter();
    await act('configurePort', { device: 'printer' });
    await act('choosePort', { device: 'printer', port: 'serial:/dev/ttyUSB1' });
    const closed = await act('closePortSetup');
    expect(closed.lastResult.detail).toBe('Not saved: printer moved back to serial /dev/ttyUSB0.');
    expect(manager.transportConfig('printer')).toEqual(serialAt('/dev/ttyUSB0'));

    await act('configurePort', { device: 'printer' });
    await act('choosePort', { device: 'printer', port: 'serial:/dev/ttyUSB1' });
    mode.exit('idle');
    await vi.waitFor(() =>
      expect(manager.transportConfig('printer')).toEqual(serialAt('/dev/ttyUSB0')),
    );
    expect(await readFile(configFile, 'utf8')).toBe(original);
  });

  it('says there is nothing to save to when the kiosk runs without a config file', async () => {
    const { act } = await kioskWithMovedPrinter({ configFile: false });
    await act('configurePort', { device: 'printer' });
    const moved = await act('choosePort', { device: 'printer', port: 'serial:/dev/ttyUSB1' });
    expect(moved.portSetup).toMatchObject({ unsaved: true, canSave: false });
    const saved = await act('savePort');
    expect(saved.lastResult).toMatchObject({
      ok: false,
      detail: 'This kiosk runs without a config file: nothing to save to.',
    });
  });
});

describe('port setup of a network device', () => {
  it('is not offered, and refused when asked for, without listing any port', async () => {
    const manager = new DeviceManager(
      { printer: { driver: 'escpos', transport: { type: 'tcp', host: '127.0.0.1', port: 9 } } },
      { transportFactory: () => createMemoryTransportPair().host, printerPollIntervalMs: 0 },
    );
    managers.push(manager);
    const listed = vi.fn(async () => ({ devices: [{ path: '/dev/ttyS0' }] }));
    const adapter = new PortConfiguratorAdapter(manager, {
      serialPorts: listed,
      hidDevices: async () => ({ devices: [] }),
    });
    expect(new DeviceDiagnosticsAdapter(manager).devices()[0]!.portChangeable).toBe(false);
    const setup = new PortSetup(adapter, new ConfigFileStore(null));
    const result = await setup.run('configurePort', 'printer');
    expect(result).toEqual({
      ok: false,
      message: { code: 'portNotChangeable', device: 'printer' },
    });
    expect(setup.view()).toBeNull();
    expect(listed).not.toHaveBeenCalled();
  });
});
