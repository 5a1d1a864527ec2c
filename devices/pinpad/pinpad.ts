import type { Completion, Device, DeviceStatusBase, StatusChangedEvent } from '../common/device';
import type {
  DataEntryValue,
  DukptScheme,
  EntryMode,
  FunctionKey,
  PinBlockFormat,
  PinEntryValue,
  PlainKey,
} from './protocol';

export type { DukptScheme, EntryMode, FunctionKey, PinBlockFormat, PlainKey };

/** Keyboard / PinPad service, shaped after XFS4IoT Keyboard + PinPad. */
export interface PinPadStatus extends DeviceStatusBase {
  entry: EntryMode;
}

export interface PinPadCapabilities {
  plainEntry: boolean;
  pinEntry: boolean;
  pinFormats: PinBlockFormat[];
  dukpt: DukptScheme[];
  model?: string;
  serial?: string;
}

/**
 * Key events. In plain entry the key name is reported; in PIN entry only the running digit
 * count (like XFS4IoT Keyboard.KeyEvent, which omits the digit), plus function keys.
 */
export type PinPadKeyEvent =
  | { type: 'keyPressed'; mode: 'plain'; key: PlainKey }
  | { type: 'keyPressed'; mode: 'pin'; digits: number; key: 'digit' | FunctionKey };

/**
 * A function display key (an ATM's FDK beside the screen, `fdk01`..`fdk32`) pressed during plain
 * entry; pads without FDKs never send it.
 */
export interface FdkPressedEvent {
  type: 'fdkPressed';
  fdk: number;
}

export type PinPadEvent = PinPadKeyEvent | FdkPressedEvent | PinPadLinkLostEvent;

/** The link dropped or the pad stopped answering; the manager reopens it. */
export interface PinPadLinkLostEvent {
  type: 'linkLost';
  reason: string;
}

/** Everything a pin pad's `on()` delivers. */
export type PinPadDeviceEvent = PinPadEvent | StatusChangedEvent<PinPadStatus>;

export interface DataEntryOptions {
  /** Entry ends by itself when this many digits are in. */
  maxLength: number;
  timeoutMs: number;
}
export type DataEntryResult = DataEntryValue;

export interface PinEntryOptions {
  /** The card number the PIN block is bound to. Sent to the pin pad only, never logged. */
  pan: string;
  minLength: number;
  maxLength: number;
  /** 0: ISO 9564 format 0 under TDES DUKPT; 4: format 4 under AES-128 DUKPT. */
  format: PinBlockFormat;
  timeoutMs: number;
}
/** `pinBlock` and `ksn` are upper-case hex; the clear PIN never leaves the pin pad. */
export type PinEntryResult = PinEntryValue;

export interface PinPad extends Device<PinPadStatus, PinPadCapabilities, PinPadEvent> {
  dataEntry(options: DataEntryOptions): Promise<Completion<DataEntryResult>>;
  pinEntry(options: PinEntryOptions): Promise<Completion<PinEntryResult>>;
}
