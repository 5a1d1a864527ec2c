export { SerialPinPad } from './serial-pinpad';
export type { PinPadLinkStats, SerialPinPadOptions } from './serial-pinpad';
export type {
  DataEntryOptions,
  DataEntryResult,
  DukptScheme,
  EntryMode,
  FunctionKey,
  PinBlockFormat,
  PinEntryOptions,
  PinEntryResult,
  PinPad,
  PinPadCapabilities,
  PinPadEvent,
  PinPadStatus,
  PlainKey,
} from './pinpad';
