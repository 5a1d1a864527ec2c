import { describe, expect, it } from 'vitest';
import { conformanceProblems } from '../../../devices/xfs4iot/conformance/check-message';
import { xfs4iotPinPadDriver } from '../../../devices/drivers/xfs4iot-pinpad';
import type { Xfs4IoTPinPad } from '../../../devices/drivers/xfs4iot-pinpad/xfs4iot-pinpad';
import type { PlainKey } from '../../../devices/pinpad/pinpad';
import { recoverPin } from '../../pinpad/host-pin-decryptor';
import type { SimulatedPublisher } from '../publisher';
import { driverOnService } from './driver-on-service.test-helper';
import { createPinPadService, type PinPadServiceControl } from './pinpad-service';

const PAN = '4761739001010010';
const PIN = '739164';

describe('the XFS4IoT PIN pad driver against the simulated Keyboard/PinPad service', () => {
  const open = driverOnService(xfs4iotPinPadDriver);
  let publisher: SimulatedPublisher | undefined;

  async function start(fields: { fdks?: number } = {}) {
    const { service, control } = createPinPadService({ name: 'PinPad1' });
    const opened = await open(service, fields);
    publisher = opened.publisher;
    const pad = opened.device as Xfs4IoTPinPad;
    const events: unknown[] = [];
    pad.on((event) => events.push(event));
    expect(await pad.open()).toEqual({ code: 'success', value: undefined });
    return { control, pad, events };
  }

  /** Presses keys once the pad has opened an entry, as a finger after the prompt. */
  async function type(control: PinPadServiceControl, keys: PlainKey[]) {
    await expect.poll(() => control.mode()).not.toBe('idle');
    for (const key of keys) expect(control.press(key)).toBe(true);
  }
  const digits = (text: string) => [...text] as PlainKey[];

  it('offers plain entry and ISO-0 and ISO-4 PIN blocks, from Common.Capabilities', async () => {
    const { pad } = await start();
    expect(pad.capabilities()).toMatchObject({
      plainEntry: true,
      pinEntry: true,
      pinFormats: [0, 4],
      dukpt: ['tdes', 'aes128'],
      model: 'Simulated Keyboard',
    });
    expect(pad.status()).toEqual({ device: 'online', entry: 'idle' });
  });

  it('takes a KPJ number by data entry, with backspace and the key names in events', async () => {
    const { control, pad, events } = await start();
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await type(control, [...digits('1234'), 'backspace', ...digits('56'), 'enter']);
    expect(await entry).toEqual({
      code: 'success',
      value: { digits: '12356', terminatedBy: 'enter' },
    });
    expect(events).toContainEqual({ type: 'keyPressed', mode: 'plain', key: 'backspace' });
    expect(pad.status().entry).toBe('idle');
  });

  it('reports the FDKs beside the screen during plain entry, only those the ATM has', async () => {
    const { control, pad, events } = await start({ fdks: 8 });
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await expect.poll(() => control.mode()).toBe('plain');
    expect(control.pressFdk(5)).toBe(true);
    // fdk09 was not enabled: the service keeps it dark.
    expect(control.pressFdk(9)).toBe(false);
    await expect.poll(() => events).toContainEqual({ type: 'fdkPressed', fdk: 5 });
    // An FDK does not end the entry; the digits typed are the entry's.
    await type(control, [...digits('12'), 'enter']);
    expect(await entry).toMatchObject({ code: 'success', value: { digits: '12' } });
    const sent = publisher!.received.find((message) => message.text.includes('Keyboard.DataEntry'));
    expect(JSON.parse(sent!.text).payload.activeKeys).toHaveProperty('fdk08', { terminate: false });
  });

  it('a pad without FDKs enables none', async () => {
    const { control, pad } = await start();
    void pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await expect.poll(() => control.mode()).toBe('plain');
    expect(control.pressFdk(1)).toBe(false);
  });

  it.each([0, 4] as const)(
    'enters a PIN whose format %i block the host recovers, with no digit in any event or message',
    async (format) => {
      const { control, pad, events } = await start();
      const entry = pad.pinEntry({
        pan: PAN,
        minLength: 4,
        maxLength: 12,
        format,
        timeoutMs: 5000,
      });
      await type(control, [...digits(`${PIN}9`), 'backspace', 'enter']);
      const result = await entry;
      if (result.code !== 'success') throw new Error(result.errorDescription);
      expect(result.value).toMatchObject({ format, digits: PIN.length });
      expect(recoverPin(result.value, PAN)).toBe(PIN);
      expect(result.value.ksn).toBe(format === 0 ? control.lastKsn().tdes : control.lastKsn().aes);
      const keyEvents = events.filter((event) => (event as { type: string }).type === 'keyPressed');
      expect(keyEvents.at(-3)).toEqual({
        type: 'keyPressed',
        mode: 'pin',
        digits: 7,
        key: 'digit',
      });
      expect(keyEvents.at(-1)).toEqual({
        type: 'keyPressed',
        mode: 'pin',
        digits: 6,
        key: 'enter',
      });
      const traffic = [...publisher!.sent, ...publisher!.received].map(({ text }) => text);
      for (const text of [JSON.stringify(events), ...traffic]) {
        expect(text).not.toContain(PIN);
        expect(text).not.toMatch(/"digit":"(zero|one|two|three|four|five|six|seven|eight|nine)"/);
      }
      expect(traffic.flatMap((text) => conformanceProblems(text))).toEqual([]);
      // ISO-0 binds the PAN without its check digit, as GetPinBlock_g.cs says to send it.
      const request = traffic
        .map(
          (text) =>
            JSON.parse(text) as { header: { type: string; name: string }; payload: unknown },
        )
        .find(({ header }) => header.type === 'command' && header.name === 'PinPad.GetPinBlock');
      expect(request?.payload).toMatchObject({
        customerData: format === 0 ? PAN.slice(0, -1) : PAN,
        padding: 15,
        format: format === 0 ? 'iso0' : 'iso4',
      });
    },
  );

  it('says canceled when the customer presses cancel, and no PIN block is asked for', async () => {
    const { control, pad } = await start();
    const entry = pad.pinEntry({
      pan: PAN,
      minLength: 4,
      maxLength: 12,
      format: 0,
      timeoutMs: 5000,
    });
    await type(control, [...digits('12'), 'cancel']);
    expect(await entry).toMatchObject({
      code: 'canceled',
      errorDescription: 'canceled on the keypad',
    });
    const names = publisher!.received.map(({ text }) => JSON.parse(text).header.name);
    expect(names).not.toContain('PinPad.GetPinBlock');
  });

  it('cancels the entry at the service when the kiosk gives up, and says canceled', async () => {
    const { control, pad } = await start();
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 5000 });
    await expect.poll(() => control.mode()).toBe('plain');
    pad.cancel();
    expect((await entry).code).toBe('canceled');
    expect(control.mode()).toBe('idle');
    expect(publisher!.received.map(({ text }) => JSON.parse(text).header.name)).toContain(
      'Common.Cancel',
    );
  });

  it('times an entry out at the service', async () => {
    const { control, pad } = await start();
    const entry = pad.dataEntry({ maxLength: 11, timeoutMs: 150 });
    expect((await entry).code).toBe('timeOut');
    expect(control.mode()).toBe('idle');
  });

  it('refuses bad input before it reaches the pad', async () => {
    const { pad } = await start();
    expect(
      await pad.pinEntry({ pan: '12', minLength: 4, maxLength: 12, format: 0, timeoutMs: 1000 }),
    ).toMatchObject({ code: 'invalidData' });
    expect(await pad.dataEntry({ maxLength: 0, timeoutMs: 1000 })).toMatchObject({
      code: 'invalidData',
    });
  });

  it('reports the lost link when the service stops, and refuses entry until it is back', async () => {
    const { pad, events } = await start();
    publisher!.setRunning('PinPad1', false);
    await expect
      .poll(() => events.some((event) => (event as { type: string }).type === 'linkLost'))
      .toBe(true);
    expect(pad.status().device).toBe('offline');
    expect(await pad.dataEntry({ maxLength: 4, timeoutMs: 1000 })).toMatchObject({
      code: 'deviceNotReady',
    });
  });
});
