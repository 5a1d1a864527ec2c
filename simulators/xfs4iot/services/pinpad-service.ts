/**
 * A simulated encrypting PIN pad as an XFS4IoT Keyboard + PinPad service. Keys pressed on it
 * (from the panel or tests) become Keyboard.KeyEvents; in PIN entry a digit's event says only
 * that a digit was pressed. The PIN is held inside until PinPad.GetPinBlock binds it to the
 * card number under the DUKPT keys the serial simulator uses (simulated-dukpt-keys.ts).
 */
import { xfsKeyName } from '../../../devices/drivers/xfs4iot-pinpad/keyboard-keys';
import type { PinBlockFormat, PlainKey } from '../../../devices/pinpad/pinpad';
import { fdkName, fdkOf } from '../../../devices/drivers/xfs4iot-pinpad/keyboard-keys';
import { SimulatedDukptKeys, type DukptKeyOptions } from '../../pinpad/simulated-dukpt-keys';
import type { CommandContext, CommandReply, SimulatedService } from '../simulated-service';

/** The key names GetPinBlock accepts, as the driver's default config names them. */
export const SIMULATED_PIN_KEYS = { iso0: 'PinDukptTdes', iso4: 'PinDukptAes' } as const;

interface Entry {
  kind: 'plain' | 'pin';
  minLength: number;
  maxLength: number;
  autoEnd: boolean;
  /** The function display keys the entry's activeKeys enable (fdk01 -> 1). */
  fdks: ReadonlySet<number>;
  /** The keys' digits; in PIN entry the clear PIN, which exists only in here. */
  digits: string[];
  context: CommandContext;
  finish(reply: CommandReply): void;
}

export interface PinPadServiceControl {
  /** A key press on the pad; false when no entry is open (the keys are dark). */
  press(key: PlainKey): boolean;
  /** An FDK beside the screen; false unless a plain entry enables it. */
  pressFdk(fdk: number): boolean;
  mode(): 'idle' | 'plain' | 'pin';
  lastKsn(): { tdes: string; aes: string };
}

const base64OfHex = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

export function createPinPadService(options: { name: string } & DukptKeyOptions): {
  service: SimulatedService;
  control: PinPadServiceControl;
} {
  const keys = new SimulatedDukptKeys(options);
  let entry: Entry | undefined;
  /** The PIN of the last PinEntry, until GetPinBlock takes it or the next entry drops it. */
  let heldPin: string | undefined;

  const open = (
    kind: Entry['kind'],
    payload: Record<string, unknown>,
    context: CommandContext,
  ): Promise<CommandReply> => {
    if (entry)
      return Promise.resolve({
        completionCode: 'deviceNotReady',
        errorDescription: 'an entry is open',
      });
    heldPin = undefined;
    const maxLength = Number(payload.maxLen ?? 0);
    return new Promise((resolve) => {
      const current: Entry = {
        kind,
        minLength: Number(payload.minLen ?? 0),
        maxLength: maxLength > 0 ? maxLength : 64,
        autoEnd: payload.autoEnd === true,
        fdks: new Set(
          Object.keys((payload.activeKeys as Record<string, unknown> | undefined) ?? {})
            .map(fdkOf)
            .filter((fdk): fdk is number => fdk !== undefined),
        ),
        digits: [],
        context,
        finish: (reply) => {
          if (entry === current) entry = undefined;
          current.digits.length = 0;
          resolve(reply);
        },
      };
      entry = current;
      context.signal.addEventListener('abort', () =>
        current.finish({ completionCode: context.abortCode() }),
      );
    });
  };

  const complete = (current: Entry, completion: 'enter' | 'auto' | 'cancel') => {
    if (current.kind === 'pin') {
      if (completion !== 'cancel') heldPin = current.digits.join('');
      current.finish({
        completionCode: 'success',
        payload: { digits: current.digits.length, completion },
      });
    } else {
      current.finish({
        completionCode: 'success',
        payload: {
          keys: current.digits.length,
          pinKeys: current.digits.map((digit) => ({
            digit: xfsKeyName(digit as PlainKey),
            completion: 'continue',
          })),
          completion,
        },
      });
    }
  };

  const press = (key: PlainKey): boolean => {
    const current = entry;
    if (!current) return false;
    const isDigit = /^\d$/.test(key);
    if (isDigit && current.digits.length >= current.maxLength) return true; // a real pad beeps
    current.context.event('Keyboard.KeyEvent', {
      // A PIN digit is never told, not even to the application.
      ...(isDigit && current.kind === 'pin' ? {} : { digit: xfsKeyName(key) }),
      completion: isDigit ? 'continue' : key,
    });
    if (key === 'cancel') complete(current, 'cancel');
    else if (key === 'enter') {
      if (current.digits.length >= current.minLength) complete(current, 'enter');
    } else if (key === 'clear') current.digits.length = 0;
    else if (key === 'backspace') current.digits.pop();
    else {
      current.digits.push(key);
      if (current.autoEnd && current.digits.length >= current.maxLength) complete(current, 'auto');
    }
    return true;
  };

  const pressFdk = (fdk: number): boolean => {
    const current = entry;
    if (!current || current.kind !== 'plain' || !current.fdks.has(fdk)) return false;
    current.context.event('Keyboard.KeyEvent', { digit: fdkName(fdk), completion: 'contFdk' });
    return true;
  };

  const getPinBlock = async (
    payload: Record<string, unknown>,
    context: CommandContext,
  ): Promise<CommandReply> => {
    const refuse = (errorCode: string, errorDescription: string): CommandReply => ({
      completionCode: 'commandErrorCode',
      errorDescription,
      payload: { errorCode },
    });
    const format: PinBlockFormat | undefined =
      payload.format === 'iso0' ? 0 : payload.format === 'iso4' ? 4 : undefined;
    if (format === undefined) return refuse('formatNotSupported', 'only iso0 and iso4 PIN blocks');
    const keyName = SIMULATED_PIN_KEYS[format === 0 ? 'iso0' : 'iso4'];
    if (payload.key !== keyName) return refuse('keyNotFound', `no key ${String(payload.key)}`);
    const customerData = payload.customerData;
    if (typeof customerData !== 'string' || !/^\d{7,19}$/.test(customerData))
      return {
        completionCode: 'invalidData',
        errorDescription: 'customerData must be the card number',
      };
    if (typeof payload.padding !== 'number' || payload.padding < 0 || payload.padding > 15)
      return { completionCode: 'invalidData', errorDescription: 'No padding data specified.' };
    // ISO-0 gets the PAN without its check digit, which the block leaves out anyway.
    const pan = format === 0 ? `${customerData}0` : customerData;
    const pin = heldPin;
    heldPin = undefined;
    if (pin === undefined) return refuse('noPin', 'no PIN entered');
    try {
      const { pinBlock, ksn } = keys.pinBlock(format, pin, pan);
      context.event('KeyManagement.DUKPTKSNEvent', { key: keyName, ksn: base64OfHex(ksn) });
      return { completionCode: 'success', payload: { pinBlock: base64OfHex(pinBlock) } };
    } catch {
      return refuse('dukptOverflow', 'DUKPT key exhausted');
    }
  };

  const service: SimulatedService = {
    name: options.name,
    interfaces: ['Keyboard', 'PinPad'],
    status: () => ({
      keyboard: { autoBeepMode: { activeAvailable: true, inactiveAvailable: false } },
    }),
    deviceState: () => 'online',
    capabilities: () => ({
      keyboard: { autoBeep: { activeAvailable: true, activeSelectable: false } },
      pinPad: { pinFormats: { iso0: true, iso4: true }, display: { none: true } },
    }),
    commands: {
      'Keyboard.DataEntry': (payload, context) => open('plain', payload, context),
      'Keyboard.PinEntry': (payload, context) => open('pin', payload, context),
      'PinPad.GetPinBlock': getPinBlock,
      'Keyboard.Reset': async () => {
        entry?.finish({ completionCode: 'canceled' });
        heldPin = undefined;
        return { completionCode: 'success' };
      },
    },
  };

  return {
    service,
    control: { press, pressFdk, mode: () => entry?.kind ?? 'idle', lastKsn: () => keys.lastKsn },
  };
}
