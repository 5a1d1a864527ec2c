import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  describeHidTarget,
  HidTransport,
  type HidDeviceLike,
  type HidTarget,
} from './hid-transport';

/** Minimal stand-in for a node-hid HIDAsync handle. */
class FakeHid extends EventEmitter implements HidDeviceLike {
  written: number[][] = [];
  closed = false;
  writeResult = 0;
  write(values: number[] | Buffer): Promise<number> {
    this.written.push([...values]);
    return Promise.resolve(this.writeResult || values.length);
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function setup() {
  const opened: Array<{ target: HidTarget; device: FakeHid }> = [];
  let fail: Error | undefined;
  const transport = new HidTransport({
    target: { vendorId: 0x0801, productId: 0x0002 },
    openDevice: async (target) => {
      if (fail) throw fail;
      const device = new FakeHid();
      opened.push({ target, device });
      return device;
    },
  });
  return { transport, opened, failWith: (error?: Error) => (fail = error) };
}

describe('HidTransport', () => {
  it('describes targets for technicians', () => {
    expect(describeHidTarget({ vendorId: 0x0801, productId: 0x2 })).toBe('hid:0801:0002');
    expect(describeHidTarget({ path: '/dev/hidraw3' })).toBe('hid:/dev/hidraw3');
  });

  it('delivers each input report as one chunk and writes output reports as given', async () => {
    const { transport, opened } = setup();
    const chunks: number[][] = [];
    transport.onData((data) => chunks.push([...data]));
    await transport.open();
    expect(transport.isOpen).toBe(true);
    const device = opened[0]!.device;
    device.emit('data', Buffer.from([1, 2, 3]));
    device.emit('data', Buffer.from([2, 1]));
    await transport.write(Uint8Array.of(3));
    expect(chunks).toEqual([
      [1, 2, 3],
      [2, 1],
    ]);
    expect(device.written).toEqual([[3]]);
  });

  it('treats a device error as a lost link and can reopen afterwards', async () => {
    const { transport, opened } = setup();
    const closes: Array<Error | undefined> = [];
    transport.onClose((error) => closes.push(error));
    await transport.open();
    opened[0]!.device.emit('error', new Error('could not read from HID device'));
    expect(transport.isOpen).toBe(false);
    expect(closes.map((e) => e?.message)).toEqual(['could not read from HID device']);
    expect(opened[0]!.device.closed).toBe(true);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
    // Reports from the dead handle are ignored.
    const chunks: number[][] = [];
    transport.onData((data) => chunks.push([...data]));
    opened[0]!.device.emit('data', Buffer.from([9]));
    await transport.open();
    opened[1]!.device.emit('data', Buffer.from([7]));
    expect(chunks).toEqual([[7]]);
  });

  it('reports an open failure and a failed write', async () => {
    const { transport, opened, failWith } = setup();
    failWith(new Error('cannot open device with vendor id 0x801'));
    await expect(transport.open()).rejects.toThrow(/cannot open/);
    failWith(undefined);
    await transport.open();
    opened[0]!.device.writeResult = -1;
    await expect(transport.write(Uint8Array.of(3))).rejects.toThrow(/write failed/);
  });

  it('close releases the device once and says so', async () => {
    const { transport, opened } = setup();
    let closes = 0;
    transport.onClose(() => closes++);
    await transport.open();
    await transport.close();
    await transport.close();
    expect(opened[0]!.device.closed).toBe(true);
    expect(closes).toBe(1);
    expect(transport.isOpen).toBe(false);
  });
});
