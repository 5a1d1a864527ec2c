/**
 * The XFS4IoT message envelope (CEN/TS 17852, XFS4IoT 2023-2, as implemented by KAL's SP-Dev in
 * Framework/Core/Common/MessageHeader.cs and MessageBase.cs): `{header, payload}`, camelCase
 * names and enum values. Every message that arrives is checked here before anything reads it.
 */
import { z } from 'zod';

export const MESSAGE_TYPES = [
  'command',
  'acknowledge',
  'event',
  'completion',
  'unsolicited',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** MessageHeader.CompletionCodeEnum, camelCased as the reference serialises it. */
export const XFS_COMPLETION_CODES = [
  'success',
  'commandErrorCode',
  'canceled',
  'deviceNotReady',
  'hardwareError',
  'internalError',
  'invalidCommand',
  'invalidRequestID',
  'timeOut',
  'unsupportedCommand',
  'invalidData',
  'userError',
  'unsupportedData',
  'fraudAttempt',
  'sequenceError',
  'authorisationRequired',
  'noCommandNonce',
  'invalidToken',
  'invalidTokenNonce',
  'invalidTokenHMAC',
  'invalidTokenFormat',
  'invalidTokenKeyNoValue',
  'notEnoughSpace',
] as const;
export type XfsCompletionCode = (typeof XFS_COMPLETION_CODES)[number];

/** MessageHeader.StatusEnum: why an acknowledge refuses a command. */
export const ACKNOWLEDGE_STATUSES = [
  'invalidMessage',
  'invalidRequestID',
  'tooManyRequests',
] as const;

/** The longest message accepted; a card read or a receipt is a few kilobytes. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export const MessageHeader = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/, 'Interface.Name'),
    requestId: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .nullable()
      .optional(),
    type: z.enum(MESSAGE_TYPES),
    version: z.string().regex(/^\d{1,3}\.\d{1,3}$/, 'major.minor'),
    timeout: z.number().int().min(0).optional(),
    status: z.enum(ACKNOWLEDGE_STATUSES).nullable().optional(),
    completionCode: z.enum(XFS_COMPLETION_CODES).nullable().optional(),
    errorDescription: z.string().max(4096).nullable().optional(),
  })
  // Services may add header fields of later versions; they are ignored, not refused.
  .loose();
export type MessageHeader = z.infer<typeof MessageHeader>;

export const Message = z.object({
  header: MessageHeader,
  payload: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type Message = z.infer<typeof Message>;

export type ParsedMessage = { ok: true; message: Message } | { ok: false; error: string };

const issueText = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');

/** Reads one WebSocket text frame: never throws, says what is wrong with a bad one. */
export function parseMessage(text: string): ParsedMessage {
  if (text.length > MAX_MESSAGE_BYTES)
    return { ok: false, error: `message of ${text.length} characters is too long` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = Message.safeParse(json);
  if (!parsed.success) return { ok: false, error: issueText(parsed.error) };
  const { header } = parsed.data;
  if (header.type !== 'unsolicited' && header.type !== 'event' && header.requestId == null)
    return { ok: false, error: `header.requestId: a ${header.type} needs one` };
  if (header.type === 'completion' && header.completionCode == null)
    return { ok: false, error: 'header.completionCode: a completion needs one' };
  return { ok: true, message: parsed.data };
}

/** One outgoing message as text; `payload` is left out when there is none. */
export function encodeMessage(header: MessageHeader, payload?: Record<string, unknown>): string {
  const clean = Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined));
  return JSON.stringify(payload === undefined ? { header: clean } : { header: clean, payload });
}
