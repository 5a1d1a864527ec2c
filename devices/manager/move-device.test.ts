import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../common/transport';
import type { TransportConfig } from './device-config';
import { memorySerialPorts, plugInPrinter, serialAt as serial } from './memory-ports.test-helper';
import { DeviceManager } from './device-manager';

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.stop();
});

function printerOn(path: string, factory: (config: TransportConfig) => Transport) {
  const manager = new DeviceManager(
    {
      printer: { driver: 'escpos', transport: serial(path) },
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    },
    { transportFactory: factory, statusTimeoutMs: 200, printerPollIntervalMs: 0 },
  );
  managers.push(manager);
  return manager;
}

describe('DeviceManager.moveDevice', () => {
  it('moves a printer that was replugged into another port, with the same driver object', async () => {
    const { device, factory } = memorySerialPorts('/dev/ttyUSB0', '/dev/ttyUSB1');
    const manager = printerOn('/dev/ttyUSB0', factory);
    const driver = manager.printer;
    await manager.start();
    expect(manager.snapshot('printer')!.state).toBe('noDevice'); // nothing on ttyUSB0

    await plugInPrinter(device('/dev/ttyUSB1'));
    const result = await manager.moveDevice('printer', serial('/dev/ttyUSB1'), 2000);

    expect(result.code).toBe('success');
    expect(manager.printer).toBe(driver);
    expect(manager.transportConfig('printer')).toEqual(serial('/dev/ttyUSB1'));
    expect(manager.snapshot('printer')).toMatchObject({
      state: 'online',
      transport: 'serial:/dev/ttyUSB1@9600',
    });
    const printed = await manager.printer!.print({
      name: 'after move',
      elements: [{ kind: 'text', text: 'moved' }, { kind: 'cut' }],
    });
    expect(printed.code).toBe('success');
  });

  it('goes back to the previous port when nothing answers on the new one', async () => {
    const { device, factory } = memorySerialPorts('/dev/ttyUSB0');
    await plugInPrinter(device('/dev/ttyUSB0'));
    const manager = printerOn('/dev/ttyUSB0', factory);
    await manager.start();
    expect(manager.snapshot('printer')!.state).toBe('online');

    const result = await manager.moveDevice('printer', serial('/dev/ttyUSB7'), 300);

    expect(result).toMatchObject({ code: 'timeOut' });
    expect((result as { errorDescription: string }).errorDescription).toMatch(
      /not online on serial \/dev\/ttyUSB7 .*moved back to serial \/dev\/ttyUSB0/,
    );
    expect(manager.transportConfig('printer')).toEqual(serial('/dev/ttyUSB0'));
    await expect.poll(() => manager.snapshot('printer')!.state).toBe('online');
  });

  it('refuses a device that is not configured', async () => {
    const manager = new DeviceManager({});
    managers.push(manager);
    expect(await manager.moveDevice('scanner', serial('/dev/ttyACM0'))).toMatchObject({
      code: 'deviceNotReady',
    });
  });
});
