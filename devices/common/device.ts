/**
 * The device model every driver follows, shaped after CEN XFS4IoT so bank integrators find
 * familiar names: status(), capabilities(), commands that complete with a completion code and
 * can be canceled, and typed events.
 */

export type DeviceClass = 'receiptPrinter' | 'cardReader' | 'pinPad' | 'scanner';

/**
 * XFS4IoT Common.Status device state. Serial and network drivers use the first five; XFS4IoT
 * services may also report the rest, which are kept in XFS4IoT's own words (`busy` is its
 * `deviceBusy`).
 */
export type DeviceState =
  | 'online'
  | 'offline'
  | 'hardwareError'
  | 'noDevice'
  | 'busy'
  | 'powerOff'
  | 'userError'
  | 'fraudAttempt'
  | 'potentialFraud'
  | 'starting';

/** XFS4IoT completion codes used by the kiosk. */
export type CompletionCode =
  | 'success'
  | 'canceled'
  | 'timeOut'
  | 'deviceNotReady'
  | 'hardwareError'
  | 'invalidData'
  | 'unsupportedCommand'
  | 'mediaJammed'
  | 'noMedia';

export type Completion<T = undefined> =
  | { code: 'success'; value: T }
  | { code: Exclude<CompletionCode, 'success'>; errorDescription: string };

export const success = <T>(value: T): Completion<T> => ({ code: 'success', value });
export const failure = <T = never>(
  code: Exclude<CompletionCode, 'success'>,
  errorDescription: string,
): Completion<T> => ({ code, errorDescription });

export interface DeviceStatusBase {
  device: DeviceState;
  /** Last error seen, for technicians: never carries card, PIN or personal data. */
  lastError?: { description: string; at: string };
}

export interface Listener<E> {
  (event: E): void;
}

/** Minimal typed event emitter contract shared by all devices. */
export interface DeviceEvents<E extends { type: string }> {
  on(listener: Listener<E>): () => void;
}

export interface Device<
  S extends DeviceStatusBase,
  C,
  E extends { type: string },
> extends DeviceEvents<E | StatusChangedEvent<S>> {
  readonly deviceClass: DeviceClass;
  open(): Promise<Completion>;
  close(): Promise<void>;
  status(): S;
  capabilities(): C;
  /** Cancels whatever command is in flight; it completes with `canceled`. */
  cancel(): void;
}

export interface StatusChangedEvent<S> {
  type: 'statusChanged';
  status: S;
}
