import { z } from 'zod';

/**
 * Messages on the pin pad serial link (framed by frame-codec). One schema per direction, used
 * by the driver to validate what the device sends and by the simulator to validate commands.
 * In PIN mode the key event schema has no field that could carry a digit value.
 */

/** 2: CRC-16/CCITT-FALSE frame check (1 had an XOR LRC), PIN block length tied to its format. */
export const PROTOCOL_VERSION = 2;

export const DIGIT_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const FUNCTION_KEYS = ['enter', 'clear', 'cancel', 'backspace'] as const;
export const PlainKey = z.enum([...DIGIT_KEYS, ...FUNCTION_KEYS]);
export type PlainKey = z.infer<typeof PlainKey>;
export const FunctionKey = z.enum(FUNCTION_KEYS);
export type FunctionKey = z.infer<typeof FunctionKey>;

export const PinBlockFormat = z.union([z.literal(0), z.literal(4)]);
export type PinBlockFormat = z.infer<typeof PinBlockFormat>;
export const DukptScheme = z.enum(['tdes', 'aes128']);
export type DukptScheme = z.infer<typeof DukptScheme>;

const id = z.number().int().nonnegative().max(0x7fffffff);
const timeoutMs = z.number().int().positive().max(600_000);

export const HostCommand = z.discriminatedUnion('cmd', [
  z.object({ t: z.literal('cmd'), id, cmd: z.literal('hello') }),
  z.object({ t: z.literal('cmd'), id, cmd: z.literal('status') }),
  z.object({
    t: z.literal('cmd'),
    id,
    cmd: z.literal('dataEntry'),
    maxLength: z.number().int().min(1).max(64),
    timeoutMs,
  }),
  z.object({
    t: z.literal('cmd'),
    id,
    cmd: z.literal('pinEntry'),
    pan: z.string().regex(/^\d{8,19}$/),
    minLength: z.number().int().min(4).max(12),
    maxLength: z.number().int().min(4).max(12),
    format: PinBlockFormat,
    timeoutMs,
  }),
  z.object({ t: z.literal('cmd'), id, cmd: z.literal('cancel') }),
]);
export type HostCommand = z.infer<typeof HostCommand>;
export type HostCommandName = HostCommand['cmd'];

export const HelloValue = z.object({
  protocol: z.number().int(),
  model: z.string().max(64),
  serial: z.string().max(64),
  pinFormats: z.array(PinBlockFormat).max(4),
  dukpt: z.array(DukptScheme).max(4),
});
export type HelloValue = z.infer<typeof HelloValue>;

export const EntryMode = z.enum(['idle', 'plain', 'pin']);
export type EntryMode = z.infer<typeof EntryMode>;
export const StatusValue = z.object({ entry: EntryMode });

export const DataEntryValue = z.object({
  /** Digits left after backspace/clear, in order. */
  digits: z.string().regex(/^\d*$/).max(64),
  terminatedBy: z.enum(['enter', 'maxLength']),
});
export type DataEntryValue = z.infer<typeof DataEntryValue>;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9A-F]{${bytes * 2}}$`));
const pinDigits = z.number().int().min(4).max(12);

/**
 * Each format has one block size and one DUKPT flavour: ISO 0 is an 8-byte block under TDES
 * DUKPT (10-byte KSN), ISO 4 a 16-byte AES block under AES DUKPT (12-byte KSN).
 */
export const PinEntryValue = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal(0), pinBlock: hex(8), ksn: hex(10), digits: pinDigits }),
  z.strictObject({ format: z.literal(4), pinBlock: hex(16), ksn: hex(12), digits: pinDigits }),
]);
export type PinEntryValue = z.infer<typeof PinEntryValue>;

const failureCode = z.enum([
  'canceled',
  'timeOut',
  'deviceNotReady',
  'hardwareError',
  'invalidData',
  'unsupportedCommand',
]);

export const DeviceMessage = z.union([
  z.object({
    t: z.literal('evt'),
    evt: z.literal('keyPressed'),
    mode: z.literal('plain'),
    key: PlainKey,
  }),
  z.strictObject({
    t: z.literal('evt'),
    evt: z.literal('pinKey'),
    /** Digits entered so far; a digit key press is reported only as `key: 'digit'`. */
    digits: z.number().int().min(0).max(12),
    key: z.enum(['digit', ...FUNCTION_KEYS]),
  }),
  z.object({ t: z.literal('cpl'), id, code: z.literal('success'), value: z.unknown() }),
  z.object({ t: z.literal('cpl'), id, code: failureCode, error: z.string().max(200) }),
]);
export type DeviceMessage = z.infer<typeof DeviceMessage>;

export type DeviceFailureCode = z.infer<typeof failureCode>;
