import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toHex } from '../../devices/crypto/bytes';
import { encodeIso0PinBlock } from '../../devices/crypto/pin-block-iso0';
import { FrameParser } from '../../devices/pinpad/frame-codec';
import { SerialTransport } from '../../devices/transports';
import { SerialPinPad } from '../../devices/pinpad/serial-pinpad';
import { createMockSerialLink } from './mock-serial-link';
import type { MockSerialLink } from './mock-serial-link';
import { PinPadSimulator } from './pinpad-simulator';
import { recoverPin } from './host-pin-decryptor';
import { managePinPad, recordDeviceStates, recordEvents, waitFor } from './test-helpers';

const PAN = '4012345678909';
const PAN16 = '6011000990139424';

let link: MockSerialLink;
let sim: PinPadSimulator;
let pad: SerialPinPad;
let transport: SerialTransport;
let wire: Buffer[];

beforeEach(async () => {
  link = createMockSerialLink();
  sim = new PinPadSimulator(link.device);
  await sim.start();
  transport = new SerialTransport({ path: link.path, baudRate: 9600, binding: link.binding });
  wire = [];
  transport.onData((bytes) => wire.push(Buffer.from(bytes)));
  pad = new SerialPinPad(transport, {
    commandTimeoutMs: 500,
    entryGraceMs: 500,
  });
  expect((await pad.open()).code).toBe('success');
});

afterEach(async () => {
  await pad.close();
  await sim.stop();
});

describe('pin pad driver against the simulator (serialport MockBinding)', () => {
  it('comes online and reports its capabilities', () => {
    expect(pad.status()).toMatchObject({ device: 'online', entry: 'idle' });
    expect(pad.capabilities()).toMatchObject({
      plainEntry: true,
      pinEntry: true,
      pinFormats: [0, 4],
      dukpt: ['tdes', 'aes128'],
      serial: 'SIM-EPP-0001',
    });
  });

  it('plain entry: reports each key by name and ends at maxLength (a KPJ)', async () => {
    const events = recordEvents(pad);
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await waitFor(() => sim.mode === 'plain');
    expect(pad.status().entry).toBe('plain');
    sim.type('1234B5678901C');
    sim.type('12345678901');
    const result = await entry;
    expect(result).toEqual({
      code: 'success',
      value: { digits: '12345678901', terminatedBy: 'maxLength' },
    });
    expect(events.slice(0, 3)).toEqual([
      { type: 'keyPressed', mode: 'plain', key: '1' },
      { type: 'keyPressed', mode: 'plain', key: '2' },
      { type: 'keyPressed', mode: 'plain', key: '3' },
    ]);
    expect(events.map((e) => (e.mode === 'plain' ? e.key : '?'))).toContain('backspace');
    expect(pad.status().entry).toBe('idle');
  });

  it('plain entry: enter ends early (a birth date DDMMYYYY)', async () => {
    const entry = pad.dataEntry({ maxLength: 12, timeoutMs: 5000 });
    await waitFor(() => sim.mode === 'plain');
    sim.type('07031990E');
    expect(await entry).toEqual({
      code: 'success',
      value: { digits: '07031990', terminatedBy: 'enter' },
    });
  });

  it('keys pressed while no entry is active are not sent', async () => {
    const events = recordEvents(pad);
    expect(sim.press('5')).toBe(false);
    // The link keeps order: a 5 sent would reach the driver before the next entry's first key.
    const entry = pad.dataEntry({ maxLength: 1, timeoutMs: 5000 });
    await waitFor(() => sim.mode === 'plain');
    expect(sim.press('7')).toBe(true);
    expect(await entry).toMatchObject({ code: 'success', value: { digits: '7' } });
    expect(events).toEqual([{ type: 'keyPressed', mode: 'plain', key: '7' }]);
  });

  it('PIN entry format 0: driver sees only counts; the host recovers the PIN with the BDK', async () => {
    const events = recordEvents(pad);
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    expect(pad.status().entry).toBe('pin');
    sim.type('5172E');
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(result.value).toMatchObject({ format: 0, digits: 4, ksn: 'FFFF9876543210E00001' });
    expect(result.value.pinBlock).toMatch(/^[0-9A-F]{16}$/);
    expect(events).toEqual([
      { type: 'keyPressed', mode: 'pin', digits: 1, key: 'digit' },
      { type: 'keyPressed', mode: 'pin', digits: 2, key: 'digit' },
      { type: 'keyPressed', mode: 'pin', digits: 3, key: 'digit' },
      { type: 'keyPressed', mode: 'pin', digits: 4, key: 'digit' },
      { type: 'keyPressed', mode: 'pin', digits: 4, key: 'enter' },
    ]);
    // everything the pin pad sent: no PIN, no clear PIN block, key frames carry counts only
    const bytesOnTheWire = Buffer.concat(wire).toString('latin1');
    expect(bytesOnTheWire).not.toContain('5172');
    expect(bytesOnTheWire).not.toContain(toHex(encodeIso0PinBlock('5172', PAN)));
    const frames: Record<string, unknown>[] = [];
    new FrameParser((m) => frames.push(m as Record<string, unknown>)).push(Buffer.concat(wire));
    const keyFrames = frames.filter((frame) => frame.t === 'evt');
    expect(keyFrames).toHaveLength(5);
    for (const frame of keyFrames) {
      expect(Object.keys(frame).sort()).toEqual(['digits', 'evt', 'key', 't']);
    }
    expect(recoverPin(result.value, PAN)).toBe('5172');
  });

  it('first format 0 PIN block matches the published X9.24-1 vector end to end', async () => {
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('1234E');
    expect(await entry).toEqual({
      code: 'success',
      value: { pinBlock: '1B9C1845EB993A7A', ksn: 'FFFF9876543210E00001', format: 0, digits: 4 },
    });
  });

  it('PIN entry format 4 under AES DUKPT: fresh KSN and block each time, same PIN', async () => {
    const blocks: string[] = [];
    for (const expectedCounter of ['00000001', '00000002']) {
      const entry = pad.pinEntry({
        pan: PAN16,
        minLength: 4,
        maxLength: 12,
        format: 4,
        timeoutMs: 5000,
      });
      await waitFor(() => sim.mode === 'pin');
      sim.type('24680135E');
      const result = await entry;
      if (result.code !== 'success') throw new Error(result.errorDescription);
      expect(result.value.ksn).toBe(`1234567890123456${expectedCounter}`);
      expect(result.value.pinBlock).toMatch(/^[0-9A-F]{32}$/);
      expect(result.value.digits).toBe(8);
      expect(recoverPin(result.value, PAN16)).toBe('24680135');
      blocks.push(result.value.pinBlock);
    }
    expect(blocks[0]).not.toBe(blocks[1]);
  });

  it('PIN entry honours backspace, clear, the minimum and the maximum length', async () => {
    const events = recordEvents(pad);
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 5,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('12B3C'); // 1 2 <- 3 clear -> nothing
    sim.type('1357E'); // enter with 4 digits < min 5: ignored
    sim.type('9246E'); // 7 digits typed, 6 kept (max), enter completes
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(result.value.digits).toBe(6);
    expect(recoverPin(result.value, PAN)).toBe('135792');
    expect(events.map((e) => (e.mode === 'pin' ? e.digits : -1))).toEqual([
      1, 2, 1, 2, 0, 1, 2, 3, 4, 4, 5, 6, 6,
    ]);
  });

  it('cancel from the host ends PIN entry with canceled', async () => {
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('12');
    pad.cancel();
    expect((await entry).code).toBe('canceled');
    expect(sim.mode).toBe('idle');
    expect(pad.status().entry).toBe('idle');
  });

  it('the cancel key on the pad ends entry with canceled', async () => {
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await waitFor(() => sim.mode === 'plain');
    sim.type('12X');
    expect((await entry).code).toBe('canceled');
  });

  it('times out on the device when nobody finishes the entry', async () => {
    const entry = pad.pinEntry({ pan: PAN, minLength: 4, maxLength: 6, format: 4, timeoutMs: 150 });
    await waitFor(() => sim.mode === 'pin');
    sim.type('12');
    expect((await entry).code).toBe('timeOut');
    expect(sim.mode).toBe('idle');
  });

  it('refuses a second entry while one is active, and bad parameters', async () => {
    const first = pad.dataEntry({ maxLength: 3, timeoutMs: 5000 });
    const second = await pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    expect(second.code).toBe('deviceNotReady');
    await waitFor(() => sim.mode === 'plain');
    sim.type('123');
    expect((await first).code).toBe('success');
    const badPan = await pad.pinEntry({
      pan: '12AB',
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    expect(badPan).toMatchObject({ code: 'invalidData' });
    if (badPan.code !== 'success') expect(badPan.errorDescription).not.toContain('12AB');
    const badLengths = await pad.pinEntry({
      pan: PAN,
      minLength: 8,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    expect(badLengths.code).toBe('invalidData');
  });
});

describe('pin pad faults (MockBinding)', () => {
  it('survives line noise between and inside frames', async () => {
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    await sim.sendGarbage(Buffer.from([0x00, 0xff, 0x02, 0x41, 0x03, 0x30, 0x30, 0x13]));
    sim.type('4321');
    await sim.sendGarbage(Buffer.from('\x02{"t":"cpl","id":99999,"code":"success"\x03ZZ'));
    sim.type('E');
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(recoverPin(result.value, PAN)).toBe('4321');
    const errors = Object.values(pad.stats.frameErrors).reduce((a, b) => a + b, 0);
    expect(errors).toBeGreaterThan(0);
  });

  it('works with a slow device that dribbles its bytes one at a time', async () => {
    sim.faults.responseDelayMs = 40;
    sim.faults.byteByByte = true;
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 4,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('5555E');
    const result = await entry;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(recoverPin(result.value, PAN)).toBe('5555');
  });

  it('reports a device that stops answering as a lost link, and opens when it answers again', async () => {
    sim.faults.silent = true;
    const statuses = recordDeviceStates(pad);
    const lost: string[] = [];
    pad.on((event) => {
      if (event.type === 'linkLost') lost.push(event.reason);
    });
    const entry = await pad.dataEntry({ maxLength: 3, timeoutMs: 100 });
    expect(entry).toMatchObject({ code: 'hardwareError' });
    expect(pad.status().device).toBe('offline');
    expect(lost).toEqual(['pin pad did not answer']);
    sim.faults.silent = false;
    const reopened = await pad.open();
    expect(reopened.code).toBe('success');
    expect(statuses).toEqual(['online', 'offline', 'online']);
  });

  it('cable pulled mid-entry: entry fails, status offline, the manager reopens it when plugged back', async () => {
    const managed = managePinPad(pad);
    await managed.start();
    const statuses = recordDeviceStates(pad);
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('12');
    link.unplug();
    expect(await entry).toMatchObject({ code: 'hardwareError' });
    // The manager's reopening fails while unplugged (the port is gone: noDevice).
    await waitFor(() => managed.snapshot().reconnecting && pad.status().device === 'noDevice');
    expect(sim.mode).toBe('pin'); // the pad still holds the half-typed entry
    link.replug();
    await waitFor(() => pad.status().device === 'online');
    expect(sim.mode).toBe('idle'); // hello on reconnect ended the stale entry
    expect(managed.snapshot()).toMatchObject({
      reconnecting: false,
      counters: { linkLosses: 1, reconnects: 1 },
    });
    const again = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 6,
      format: 0,
      timeoutMs: 5000,
    });
    await waitFor(() => sim.mode === 'pin');
    sim.type('7777E');
    const result = await again;
    if (result.code !== 'success') throw new Error(result.errorDescription);
    expect(recoverPin(result.value, PAN)).toBe('7777');
    expect(statuses).toEqual(['online', 'offline', 'noDevice', 'online']);
    await managed.stop();
  });
});
