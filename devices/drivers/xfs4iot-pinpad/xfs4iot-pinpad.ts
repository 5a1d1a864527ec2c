import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../../common/device';
import type { Transport } from '../../common/transport';
import type {
  DataEntryOptions,
  DataEntryResult,
  PinBlockFormat,
  PinEntryOptions,
  PinEntryResult,
  PinPad,
  PinPadCapabilities,
  PinPadEvent,
  PinPadStatus,
} from '../../pinpad/pinpad';
import { PinEntryValue } from '../../pinpad/protocol';
import type { CommandOutcome } from '../../xfs4iot/client';
import { completionOf, ServiceDevice } from '../../xfs4iot/service-device';
import { activeKeys, digitsOf, fdkOf, pinKeyOf, plainKeyOf } from './keyboard-keys';

export interface Xfs4IoTPinPadOptions {
  transport: Transport;
  /** The service's DUKPT key names for PinPad.GetPinBlock, per PIN block format. */
  keys: { iso0: string; iso4: string };
  answerTimeoutMs: number;
  /** The ATM's function display keys beside the screen (0: none). */
  fdks?: number;
}

/** PinPad.GetPinBlock `format` values (GetPinBlock_g.cs FormatEnum) for the kiosk's formats. */
const XFS_FORMAT = { 0: 'iso0', 4: 'iso4' } as const satisfies Record<PinBlockFormat, string>;

/** GetPinBlock and entry error codes in the kiosk's words (Completions/*_g.cs ErrorCodeEnum). */
const ENTRY_ERRORS = {
  keyInvalid: 'invalidData',
  keyNotSupported: 'unsupportedCommand',
  noActivekeys: 'unsupportedCommand',
  noTerminatekeys: 'unsupportedCommand',
  minimumLength: 'invalidData',
  entryTimeout: 'timeOut',
} as const;
const PIN_BLOCK_ERRORS = {
  keyNotFound: 'deviceNotReady',
  keyNoValue: 'deviceNotReady',
  accessDenied: 'deviceNotReady',
  noPin: 'invalidData',
  formatNotSupported: 'unsupportedCommand',
  algorithmNotSupported: 'unsupportedCommand',
  cryptoMethodNotSupported: 'unsupportedCommand',
  dukptOverflow: 'hardwareError',
} as const;

/**
 * GetPinBlock's `customerData`: for ISO-0 the PAN without its check digit (GetPinBlock_g.cs);
 * ISO-4 binds the whole PAN.
 */
export const customerDataOf = (pan: string, format: PinBlockFormat): string =>
  format === 0 ? pan.slice(0, -1) : pan;

const hexOfBase64 = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? Buffer.from(value, 'base64').toString('hex').toUpperCase()
    : undefined;

/**
 * An encrypting PIN pad behind an XFS4IoT service: plain entry by Keyboard.DataEntry, PIN entry
 * by Keyboard.PinEntry, then PinPad.GetPinBlock bound to the card number with the KSN from its
 * KeyManagement.DUKPTKSNEvent. The PIN stays in the pad; key events carry counts, never digits.
 */
export class Xfs4IoTPinPad implements PinPad {
  readonly deviceClass = 'pinPad' as const;
  private readonly core: ServiceDevice<PinPadStatus, PinPadEvent>;
  private entryOpen = false;

  constructor(private readonly options: Xfs4IoTPinPadOptions) {
    this.core = new ServiceDevice<PinPadStatus, PinPadEvent>({
      transport: options.transport,
      interfaceName: 'Keyboard',
      initialStatus: { device: 'noDevice', entry: 'idle' },
      sameStatus: (a, b) =>
        a.device === b.device && a.entry === b.entry && a.lastError === b.lastError,
      // XFS4IoT's Keyboard status says nothing the kiosk shows: the entry mode is the driver's.
      classStatus: (_payload, current) => current,
      answerTimeoutMs: options.answerTimeoutMs,
    });
  }

  on(listener: Listener<PinPadEvent | StatusChangedEvent<PinPadStatus>>): () => void {
    return this.core.on(listener);
  }

  status(): PinPadStatus {
    return this.core.status();
  }

  capabilities(): PinPadCapabilities {
    const { pinPad, common } = this.core.serviceCapabilities as {
      pinPad?: { pinFormats?: Record<string, unknown> };
      common?: { deviceInformation?: Array<{ modelName?: unknown; serialNumber?: unknown }> };
    };
    const pinFormats = ([0, 4] as const).filter(
      (format) => pinPad?.pinFormats?.[XFS_FORMAT[format]] === true,
    );
    const device = common?.deviceInformation?.[0];
    return {
      plainEntry: this.core.offers('Keyboard.DataEntry') !== false,
      pinEntry:
        pinFormats.length > 0 &&
        this.core.offers('Keyboard.PinEntry') !== false &&
        this.core.offers('PinPad.GetPinBlock') !== false,
      pinFormats,
      dukpt: pinFormats.map((format) => (format === 0 ? 'tdes' : 'aes128')),
      ...(typeof device?.modelName === 'string' ? { model: device.modelName } : {}),
      ...(typeof device?.serialNumber === 'string' ? { serial: device.serialNumber } : {}),
    };
  }

  get serviceUri(): string {
    return this.core.serviceUri;
  }

  open(): Promise<Completion> {
    return this.core.open();
  }

  close(): Promise<void> {
    return this.core.close();
  }

  /** Common.Cancel for the entry in flight; it completes with `canceled`. */
  cancel(): void {
    this.core.cancel();
  }

  /** Common.Status while idle: the manager's health check. */
  refreshStatus(): Promise<Completion> {
    return this.core.refreshStatus();
  }

  async dataEntry(options: DataEntryOptions): Promise<Completion<DataEntryResult>> {
    const { maxLength, timeoutMs } = options;
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 64)
      return failure('invalidData', 'maxLength must be 1 to 64');
    return this.entry('plain', timeoutMs, async () => {
      const outcome = await this.core.command(
        'Keyboard.DataEntry',
        { maxLen: maxLength, autoEnd: true, activeKeys: activeKeys(this.options.fdks ?? 0) },
        {
          timeoutMs,
          onEvent: (name, payload) => {
            if (name !== 'Keyboard.KeyEvent') return;
            const key = plainKeyOf(payload.digit);
            if (key) this.core.emit({ type: 'keyPressed', mode: 'plain', key });
            const fdk = fdkOf(payload.digit);
            if (fdk !== undefined && fdk <= (this.options.fdks ?? 0))
              this.core.emit({ type: 'fdkPressed', fdk });
          },
        },
      );
      const ended = this.entryEnd('Keyboard.DataEntry', outcome);
      if (ended) return ended;
      const keys = Array.isArray(outcome.payload.pinKeys) ? outcome.payload.pinKeys : [];
      return success({
        digits: digitsOf(keys),
        terminatedBy: outcome.payload.completion === 'enter' ? 'enter' : 'maxLength',
      } as const);
    });
  }

  async pinEntry(options: PinEntryOptions): Promise<Completion<PinEntryResult>> {
    const { pan, minLength, maxLength, format, timeoutMs } = options;
    if (!/^\d{8,19}$/.test(pan)) return failure('invalidData', 'PAN must be 8 to 19 digits');
    if (!(4 <= minLength && minLength <= maxLength && maxLength <= 12))
      return failure('invalidData', 'PIN length limits must satisfy 4 <= min <= max <= 12');
    if (!this.capabilities().pinFormats.includes(format))
      return failure('unsupportedCommand', `PIN block format ${format} is not supported`);
    return this.entry('pin', timeoutMs, async () => {
      let digits = 0;
      const entered = await this.core.command(
        'Keyboard.PinEntry',
        { minLen: minLength, maxLen: maxLength, autoEnd: false, activeKeys: activeKeys() },
        {
          timeoutMs,
          onEvent: (name, payload) => {
            if (name !== 'Keyboard.KeyEvent') return;
            const key = pinKeyOf(payload.digit);
            if (key === 'digit') digits = Math.min(maxLength, digits + 1);
            else if (key === 'clear') digits = 0;
            else if (key === 'backspace') digits = Math.max(0, digits - 1);
            if (key) this.core.emit({ type: 'keyPressed', mode: 'pin', digits, key });
          },
        },
      );
      const ended = this.entryEnd('Keyboard.PinEntry', entered);
      if (ended) return ended;
      let ksn: string | undefined;
      const block = await this.core.command(
        'PinPad.GetPinBlock',
        {
          customerData: customerDataOf(pan, format),
          // 0xF, as ISO 9564 pads; KAL's SP refuses a GetPinBlock without it (GetPinBlockHandler.cs).
          padding: 15,
          format: XFS_FORMAT[format],
          key: this.options.keys[XFS_FORMAT[format]],
        },
        {
          timeoutMs: Math.max(this.options.answerTimeoutMs, 5000),
          onEvent: (name, payload) => {
            if (name === 'KeyManagement.DUKPTKSNEvent') ksn = hexOfBase64(payload.ksn);
          },
        },
      );
      const result = completionOf(
        'PinPad.GetPinBlock',
        block,
        (payload) => payload,
        PIN_BLOCK_ERRORS,
      );
      if (result.code !== 'success') return result;
      const value = PinEntryValue.safeParse({
        format,
        pinBlock: hexOfBase64(result.value.pinBlock),
        ksn,
        digits: entered.payload.digits,
      });
      if (!value.success)
        return failure(
          'hardwareError',
          'PinPad.GetPinBlock: the PIN block or its KSN is malformed',
        );
      return success(value.data);
    });
  }

  /** One entry at a time, on an online pad, with its mode shown in the status. */
  private async entry<T>(
    mode: 'plain' | 'pin',
    timeoutMs: number,
    run: () => Promise<Completion<T>>,
  ): Promise<Completion<T>> {
    const { device } = this.core.status();
    if (device !== 'online') return failure('deviceNotReady', `pin pad is ${device}`);
    if (this.entryOpen) return failure('deviceNotReady', 'another entry is in progress');
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 600_000)
      return failure('invalidData', 'timeoutMs must be 1 to 600000');
    this.entryOpen = true;
    this.core.setStatus({ ...this.core.status(), entry: mode });
    try {
      return await run();
    } finally {
      this.entryOpen = false;
      this.core.setStatus({ ...this.core.status(), entry: 'idle' });
    }
  }

  /** A failed entry, or the customer's cancel key, as the kiosk's completion; else undefined. */
  private entryEnd(name: string, outcome: CommandOutcome): Completion<never> | undefined {
    const result = completionOf(name, outcome, () => undefined, ENTRY_ERRORS);
    if (result.code !== 'success') return result;
    if (outcome.payload.completion === 'cancel')
      return failure('canceled', 'canceled on the keypad');
    return undefined;
  }
}
