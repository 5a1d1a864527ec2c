import { describe, expect, it } from 'vitest';
import type { TechnicianDevice } from '../../core/common/api';
import { deviceProblems } from './kiosk-status';

const unplugged = (portChangeable: boolean): TechnicianDevice => ({
  name: 'printer',
  deviceClass: 'printer',
  state: 'noDevice (reconnecting)',
  driver: 'escpos',
  transport: portChangeable ? 'serial /dev/ttyUSB0' : 'tcp 127.0.0.1:9100',
  capabilities: [],
  counters: {},
  portChangeable,
  tests: [],
});

describe('kiosk-diag kiosk status: what to do about a device that is not connected', () => {
  it('points at Change port only where the port can change, at the network for a network device', () => {
    expect(deviceProblems(unplugged(true))).toEqual([
      'printer: noDevice (reconnecting): not connected, check its cable and port (kiosk-diag devices; on the screen: Change port)',
    ]);
    expect(deviceProblems(unplugged(false))).toEqual([
      'printer: noDevice (reconnecting): not connected, check its network link and address in the config',
    ]);
  });
});
