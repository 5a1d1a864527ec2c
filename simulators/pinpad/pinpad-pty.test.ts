import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialPinPad } from '../../devices/pinpad/serial-pinpad';
import { SerialTransport } from '../../devices/transports';
import { startPtyPair } from '../common/pty-pair';
import type { PtyPair } from '../common/pty-pair';
import { recoverPin } from './host-pin-decryptor';
import { PinPadSimulator } from './pinpad-simulator';
import { managePinPad, recordDeviceStates, recordEvents, waitFor } from './test-helpers';

const PAN = '5264071234567893';

let dir: string;
let pair: PtyPair;
let deviceEnd: SerialTransport;
let sim: PinPadSimulator;
let pad: SerialPinPad;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pinpad-pty-'));
  pair = await startPtyPair({ dir });
  deviceEnd = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
  sim = new PinPadSimulator(deviceEnd);
  await sim.start();
  pad = new SerialPinPad(new SerialTransport({ path: pair.hostPath, baudRate: 9600 }), {
    commandTimeoutMs: 1000,
  });
  expect((await pad.open()).code).toBe('success');
});

afterEach(async () => {
  await pad.close();
  await sim.stop();
  await pair.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pin pad driver against the simulator over a socat pty pair', () => {
  it('plain entry reports key names', async () => {
    const events = recordEvents(pad);
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await waitFor(() => sim.mode === 'plain');
    sim.type('98765432101');
    expect(await entry).toEqual({
      code: 'success',
      value: { digits: '98765432101', terminatedBy: 'maxLength' },
    });
    await waitFor(() => events.length === 11);
    expect(events[0]).toEqual({ type: 'keyPressed', mode: 'plain', key: '9' });
  });

  it('PIN entry in formats 0 and 4 decrypts on the host side to the typed PIN', async () => {
    for (const format of [0, 4] as const) {
      const events = recordEvents(pad);
      const entry = pad.pinEntry({
        pan: PAN,
        minLength: 4,
        maxLength: 12,
        format,
        timeoutMs: 5000,
      });
      await waitFor(() => sim.mode === 'pin');
      sim.type('314159E');
      const result = await entry;
      if (result.code !== 'success') throw new Error(result.errorDescription);
      expect(result.value).toMatchObject({ format, digits: 6 });
      expect(recoverPin(result.value, PAN)).toBe('314159');
      expect(events.every((e) => e.mode === 'pin' && !('value' in e))).toBe(true);
    }
  });

  it('cancel and timeout', async () => {
    const canceled = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    pad.cancel();
    expect((await canceled).code).toBe('canceled');
    const timedOut = pad.dataEntry({ maxLength: 6, timeoutMs: 150 });
    expect((await timedOut).code).toBe('timeOut');
  });

  it('line noise on a real tty does not break the session', async () => {
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 4,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    await sim.sendGarbage(Buffer.from([0x02, 0x7b, 0x22, 0xff, 0x00, 0x03, 0x41]));
    sim.type('2468E');
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(recoverPin(result.value, PAN)).toBe('2468');
  });

  it('socat killed (line cut): driver goes offline, the manager reopens it when the line returns', async () => {
    const managed = managePinPad(pad, { healthCheckMs: 100 });
    await managed.start();
    const states = recordDeviceStates(pad);
    await pair.close();
    await waitFor(() => managed.snapshot().reconnecting);
    pair = await startPtyPair({ dir });
    deviceEnd = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
    await sim.stop();
    sim = new PinPadSimulator(deviceEnd);
    await sim.start();
    await waitFor(() => pad.status().device === 'online' && !managed.snapshot().reconnecting, 5000);
    expect(states[0]).toBe('online');
    expect(states).toContain('offline');
    expect(managed.snapshot().counters).toMatchObject({ linkLosses: 1, reconnects: 1 });
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('1111E');
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(recoverPin(result.value, PAN)).toBe('1111');
    await managed.stop();
  });
});
