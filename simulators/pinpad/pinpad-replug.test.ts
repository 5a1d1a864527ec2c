import { afterEach, describe, expect, it } from 'vitest';
import { SerialPinPad } from '../../devices/pinpad/serial-pinpad';
import { encodeFrame, FrameParser } from '../../devices/pinpad/frame-codec';
import { SerialTransport } from '../../devices/transports';
import { startPtyDeviceLine, type PtyDeviceLine } from '../embedded/pty-device-line';
import type { ManagedDevice } from '../../devices/manager/managed-device';
import { PinPadSimulator } from './pinpad-simulator';
import { managePinPad, waitFor } from './test-helpers';

let line: PtyDeviceLine | undefined;
let sim: PinPadSimulator | undefined;
const pads: SerialPinPad[] = [];
const managed: ManagedDevice<SerialPinPad>[] = [];

afterEach(async () => {
  for (const device of managed.splice(0)) await device.stop();
  for (const pad of pads.splice(0)) await pad.close();
  await sim?.stop();
  await line?.close();
});

function openPad(path: string): SerialPinPad {
  const pad = new SerialPinPad(new SerialTransport({ path, baudRate: 9600 }), {
    commandTimeoutMs: 500,
  });
  pads.push(pad);
  return pad;
}

describe('pin pad pulled while keys are pressed (the simulator stays the same device)', () => {
  it('the manager brings it back online after each replug and it takes an entry again', async () => {
    line = await startPtyDeviceLine();
    sim = new PinPadSimulator(line.device);
    await sim.start();
    const pad = openPad(line.hostPath);
    const device = managePinPad(pad, { healthCheckMs: 100 });
    managed.push(device);
    await device.start();
    expect(pad.status().device).toBe('online');
    for (let round = 0; round < 5; round++) {
      const entry = pad.dataEntry({ maxLength: 64, timeoutMs: 5000 });
      await waitFor(() => sim!.mode === 'plain');
      sim.type('1234567');
      // Pulled while the pad is still writing those key events.
      await new Promise((resolve) => setImmediate(resolve));
      await line.unplug();
      expect((await entry).code).not.toBe('success');
      await line.plug();
      await waitFor(
        () => pad.status().device === 'online' && !device.snapshot().reconnecting,
        5000,
      );
      const again = pad.dataEntry({ maxLength: 3, timeoutMs: 5000 });
      await waitFor(() => sim!.mode === 'plain');
      sim.type('123');
      expect(await again).toEqual({
        code: 'success',
        value: { digits: '123', terminatedBy: 'maxLength' },
      });
    }
    expect(device.snapshot().counters).toMatchObject({ linkLosses: 5, reconnects: 5 });
  }, 60_000);
});

describe('what the pad had queued for a host that is gone', () => {
  it('is dropped: after a replug the new host first hears the answer to its own hello', async () => {
    line = await startPtyDeviceLine();
    sim = new PinPadSimulator(line.device);
    await sim.start();
    const pad = openPad(line.hostPath);
    expect((await pad.open()).code).toBe('success');
    const entry = pad.dataEntry({ maxLength: 64, timeoutMs: 5000 });
    await waitFor(() => sim!.mode === 'plain');
    sim.faults.responseDelayMs = 300; // the key events are still queued when the cable goes
    sim.type('1234');
    await line.unplug();
    await entry;
    await pads.splice(0)[0]!.close();
    sim.faults.responseDelayMs = 0;
    await line.plug();

    const host = new SerialTransport({ path: line.hostPath, baudRate: 9600 });
    const frames: unknown[] = [];
    const parser = new FrameParser((frame) => frames.push(frame));
    host.onData((bytes) => parser.push(bytes));
    await host.open();
    try {
      await host.write(encodeFrame({ t: 'cmd', id: 1, cmd: 'hello' }));
      await waitFor(() => frames.some((f) => (f as { t?: string }).t === 'cpl'), 3000);
      expect(frames[0]).toMatchObject({ t: 'cpl', id: 1, code: 'success' });
    } finally {
      await host.close();
    }
  });
});
