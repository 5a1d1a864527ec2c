import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import { capabilityList, technicianDevice } from './device-diagnostics-adapter';

describe('device diagnostics for technicians', () => {
  it('turns a manager snapshot into the technician view', () => {
    const snapshot: DeviceSnapshot = {
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
    expect(technicianDevice(snapshot)).toEqual({
      name: 'pinPad',
      deviceClass: 'pinPad',
      state: 'noDevice (reconnecting)',
      driver: 'serial-pinpad',
      transport: 'serial:/dev/ttyS1@9600',
      detail: 'entry idle',
      capabilities: ['plainEntry', 'pinFormats: 0, 4', 'model: EPP-1'],
      firmware: 'EPP-1',
      lastError: undefined,
      counters: { linkLosses: 2, reconnects: 1 },
    });
  });

  it('leaves out false flags and the transport (shown separately)', () => {
    expect(
      capabilityList({ qrCode: true, cutter: false, transport: 'tcp:x', columns: 42 }),
    ).toEqual(['qrCode', 'columns: 42']);
  });
});
