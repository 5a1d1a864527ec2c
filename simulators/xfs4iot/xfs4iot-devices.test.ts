import { afterEach, describe, expect, it } from 'vitest';
import { conformanceProblems } from '../../devices/xfs4iot/conformance/check-message';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { CardReader } from '../../devices/card-reader';
import type { PinPad } from '../../devices/pinpad/pinpad';
import type { Xfs4IoTPinPad } from '../../devices/drivers/xfs4iot-pinpad/xfs4iot-pinpad';
import { recoverPin } from '../pinpad/host-pin-decryptor';
import { startXfs4IoTDevices, type Xfs4IoTDevices } from './xfs4iot-devices';

describe('the embedded default as XFS4IoT services, through the device manager', () => {
  let devices: Xfs4IoTDevices | undefined;
  let manager: DeviceManager | undefined;
  afterEach(async () => {
    await manager?.stop();
    await devices?.close();
    manager = undefined;
    devices = undefined;
  });

  async function start() {
    devices = await startXfs4IoTDevices();
    manager = new DeviceManager(devices.config, { statusTimeoutMs: 1000 });
    await manager.start();
    const states = () =>
      manager!
        .snapshots()
        .map((snapshot) => `${snapshot.name}:${snapshot.state}`)
        .sort();
    await expect
      .poll(states)
      .toEqual(['cardReader:online', 'pinPad:online', 'printer:online', 'scanner:online']);
    return { devices, manager };
  }

  it('opens every device through its service, and every message on the wire conforms', async () => {
    const { devices, manager } = await start();
    const reader = manager.device('cardReader') as CardReader;
    const pad = manager.device('pinPad') as PinPad;

    const read = reader.readCard(5000);
    await devices.control.card!.insert('bankVisa');
    const card = await read;
    expect(card.code).toBe('success');
    const data = reader.takeCardData();
    if (data?.kind !== 'bank') throw new Error('expected the bank card');
    await devices.control.card!.remove();

    const pin = pad.pinEntry({
      pan: data.pan,
      minLength: 4,
      maxLength: 12,
      format: 0,
      timeoutMs: 5000,
    });
    await devices.control.pinPad!.press('2468E');
    const block = await pin;
    if (block.code !== 'success') throw new Error(block.errorDescription);
    expect(recoverPin(block.value, data.pan)).toBe('2468');

    const { sent, received } = devices.publisher;
    expect([...received, ...sent].flatMap(({ text }) => conformanceProblems(text))).toEqual([]);
  });

  it('shows the panel each service with its address, and "unplug" stops one until "plug"', async () => {
    const { devices, manager } = await start();
    const services = devices.control.xfs4iot.services();
    expect(services.map((service) => [service.name, service.running])).toEqual([
      ['CardReader1', true],
      ['PinPad1', true],
      ['Printer1', true],
      ['BarcodeReader1', true],
    ]);
    expect(services[0]!.uri).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/xfs4iot\/v1\.0\/CardReader1/);
    const printerState = () => manager.snapshots().find((s) => s.name === 'printer')?.state;
    await devices.control.printer.disconnect();
    await expect.poll(printerState).not.toBe('online');
    await devices.control.printer.reconnect();
    await expect.poll(printerState, { timeout: 15_000 }).toBe('online');
  });

  it('a service that completes before it acknowledges, or sends garbage, still serves the kiosk', async () => {
    const { devices, manager } = await start();
    const pad = manager.device('pinPad') as PinPad;
    devices.control.xfs4iot.set('PinPad1', { outOfOrder: true });
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await devices.control.pinPad!.press('123E');
    expect(await entry).toEqual({
      code: 'success',
      value: { digits: '123', terminatedBy: 'enter' },
    });

    devices.control.xfs4iot.set('PinPad1', { outOfOrder: false, malformed: 1 });
    // The next message, Common.Status's acknowledge, is garbled: dropped, and its completion
    // still finishes the command.
    expect(await (pad as Xfs4IoTPinPad).refreshStatus()).toMatchObject({ code: 'success' });
    expect(pad.status().lastError?.description).toMatch(/^dropped: malformed message/);
    const after = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await devices.control.pinPad!.press('45E');
    expect(await after).toMatchObject({ code: 'success', value: { digits: '45' } });
  });
});
