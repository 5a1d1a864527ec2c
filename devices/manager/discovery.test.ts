import { describe, expect, it } from 'vitest';
import { listHidDevices, listSerialPorts } from './discovery';

describe('discovery', () => {
  it('lists serial ports with the fields technicians need', async () => {
    const result = await listSerialPorts(async () => [
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' },
    ]);
    expect(result).toEqual({
      devices: [
        {
          path: '/dev/ttyUSB0',
          manufacturer: 'FTDI',
          serialNumber: undefined,
          vendorId: '0403',
          productId: '6001',
        },
      ],
    });
  });

  it('reports a failing serial binding instead of throwing', async () => {
    const result = await listSerialPorts(async () => {
      throw new Error('binding not built');
    });
    expect(result).toEqual({
      devices: [],
      error: 'serial ports could not be listed: binding not built',
    });
  });

  it('reports missing libusb instead of throwing', async () => {
    const result = await listHidDevices(async () => {
      throw new Error('libusb-1.0.so.0: cannot open shared object file');
    });
    expect(result.devices).toEqual([]);
    expect(result.error).toContain('libusb');
  });

  it('runs against the real libraries on this machine without throwing', async () => {
    const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
    expect(Array.isArray(serial.devices)).toBe(true);
    expect(Array.isArray(hid.devices)).toBe(true);
  });
});
