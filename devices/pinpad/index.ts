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
  PinPadDeviceEvent,
  PinPadEvent,
  PinPadKeyEvent,
  PinPadLinkLostEvent,
  PinPadStatus,
  PlainKey,
} from './pinpad';
