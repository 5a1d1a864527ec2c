import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../devices/manager/device-manager';
import {
  memorySerialPorts,
  plugInPrinter,
  serialAt,
} from '../../devices/manager/memory-ports.test-helper';
import { DeviceEventLog } from './device-event-log';

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.stop();
});

describe('device event log', () => {
  it('lists a printer going away and coming back, newest first, with the reason', async () => {
    const { device, factory } = memorySerialPorts('/dev/ttyUSB0');
    const manager = new DeviceManager(
      {
        printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') },
        reconnect: { initialDelayMs: 20, maxDelayMs: 50 },
      },
      { transportFactory: factory, statusTimeoutMs: 200, printerPollIntervalMs: 0 },
    );
    managers.push(manager);
    const log = new DeviceEventLog(manager, () => new Date('2026-12-01T02:00:00Z'));
    const printer = device('/dev/ttyUSB0');
    await plugInPrinter(printer);
    await manager.start();
    await expect.poll(() => manager.snapshot('printer')?.state).toBe('online');

    printer.onClose(() => undefined);
    await printer.close(); // the cable pulled: the printer's end goes away ...
    await expect.poll(() => log.list()[0]?.text).toMatch(/^noDevice/);
    await expect.poll(() => log.list()[0]?.text).toMatch(/^online/); // ... and it reopens itself

    const events = log.list();
    expect(events[0]).toEqual({
      at: '2026-12-01T02:00:00.000Z',
      device: 'printer',
      text: 'online, paper full, cover closed',
    });
    expect(events.map((e) => e.text.split(',')[0])).toContain('noDevice');
    expect(events.find((e) => e.text.startsWith('noDevice'))?.text).toMatch(/\(link lost/);
    log.stop();
  });
});
