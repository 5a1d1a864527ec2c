import { OUT_OF_SERVICE_REASONS } from '../common/service-status';
import type { HostClient, HostFailure } from '../host/host-client';
import {
  IdentificationMethod,
  ReceiptOutcome,
  SessionEndReason,
  VerificationOutcome,
} from '../journal/journal-entry';
import type { DeviceClass, DeviceState } from '../../devices/common/device';
import { DEVICE_NAMES } from '../../devices/drivers/device-slots';
import type { PaperState } from '../../devices/printer/printer-types';

/*
 * Every value any label of the kiosk's series can take: closed lists from the code, never a value
 * from a person, a device's text or the host's reply. A value outside its list is `other`.
 */

/** A list of every member of the union T: the compiler refuses one that misses a member. */
const exhaustive =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

export const HOST_OPERATIONS = exhaustive<keyof HostClient>()([
  'lookup',
  'verifyBirthDate',
  'verifyBankCard',
  'sendOtp',
  'verifyOtp',
  'balance',
  'contributions',
  'ping',
  'sendJournalAnchor',
  'latestJournalAnchor',
  'journalShipped',
  'shipJournalRecords',
]);
export type HostOperation = (typeof HOST_OPERATIONS)[number];

export const HOST_FAILURE_KINDS = exhaustive<HostFailure['kind']>()([
  'notFound',
  'verificationFailed',
  'locked',
  'otpExpired',
  'cardBlocked',
  'pinTriesExceeded',
  'noKpjLinked',
  'tooSoon',
  'unauthorized',
  'conflict',
  'refused',
  'timeout',
  'unavailable',
  'malformedReply',
]);

export const DEVICE_STATES = exhaustive<DeviceState>()([
  'online',
  'offline',
  'hardwareError',
  'noDevice',
  'busy',
  'powerOff',
  'userError',
  'fraudAttempt',
  'potentialFraud',
  'starting',
]);

export const DEVICE_CLASSES = exhaustive<DeviceClass>()([
  'receiptPrinter',
  'cardReader',
  'pinPad',
  'scanner',
]);

export const PAPER_STATES = exhaustive<PaperState>()(['full', 'low', 'out', 'unknown']);

export const CARD_RETAINED_REASONS = ['notTaken', 'pinTriesExceeded', 'cardBlocked'] as const;

/** Label name → the values it may take (besides `other`); `terminal` and `version` are the kiosk's. */
export const LABEL_VALUES = {
  reason: [
    ...SessionEndReason.options,
    ...CARD_RETAINED_REASONS,
    ...OUT_OF_SERVICE_REASONS,
  ] as readonly string[],
  method: IdentificationMethod.options,
  result: VerificationOutcome.options,
  outcome: [...ReceiptOutcome.options, 'ok', 'failed'] as readonly string[],
  operation: HOST_OPERATIONS,
  kind: [...HOST_FAILURE_KINDS, 'other'] as readonly string[],
  device: DEVICE_NAMES,
  class: DEVICE_CLASSES,
  state: [...DEVICE_STATES, ...PAPER_STATES] as readonly string[],
  profile: ['kiosk', 'atm'],
} as const satisfies Record<string, readonly string[]>;

/** `value` when it is one of `allowed`, else `other`: no label ever carries an unknown string. */
export function closed<T extends string>(value: unknown, allowed: readonly T[]): T | 'other' {
  return allowed.includes(value as T) ? (value as T) : 'other';
}
