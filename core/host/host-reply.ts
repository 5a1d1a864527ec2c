import type { z } from 'zod';
import { HostErrorBody, type HostErrorCode } from './host-api';
import { HostError, type HostFailure } from './host-client';
import type { ExchangeReply } from './http-exchange';

export type Operation =
  | 'lookup'
  | 'verify'
  | 'bankCardVerify'
  | 'otpSend'
  | 'otpVerify'
  | 'balance'
  | 'contributions'
  | 'health'
  | 'anchorStore'
  | 'anchorLatest'
  | 'journalShipped'
  | 'journalRecords';

/** Operations whose 401 means "wrong answer, N attempts left" rather than "token not accepted". */
const VERIFYING: ReadonlySet<Operation> = new Set(['verify', 'bankCardVerify', 'otpVerify']);

/**
 * The bank link's refusals, by status and code: a blocked card, PIN tries spent (the terminal
 * retains the card), no KPJ linked to the card owner. No other operation knows these codes.
 */
type BankCardRefusal = 'cardBlocked' | 'pinTriesExceeded' | 'noKpjLinked';
const BANK_CARD_REFUSALS: Record<403 | 404, Partial<Record<HostErrorCode, BankCardRefusal>>> = {
  403: { cardBlocked: 'cardBlocked', pinTriesExceeded: 'pinTriesExceeded' },
  404: { noKpjLinked: 'noKpjLinked' },
};

/**
 * How far a lock's retryAt may lie from the kiosk's clock: a little in the past (the two clocks
 * differ), at most two days ahead. Outside that it is a broken host, not a lock to show.
 */
const RETRY_AT_WINDOW = { pastMs: 5 * 60_000, aheadMs: 48 * 3_600_000 } as const;

/** The 2xx reply's schema; `ignored` for calls whose answer has no content (204). */
export type ReplySchema<T> = z.ZodType<T> | 'ignored';

/**
 * What a host reply means: the parsed 2xx body, or a HostError. Pure (`now` is the kiosk's
 * clock, for a lock's retryAt), so the fuzz suite can drive it with any status, media type and
 * bytes. Details name statuses, field paths and issue
 * codes only, never reply content.
 */
export function interpretReply<T>(
  operation: Operation,
  reply: ExchangeReply,
  schema: ReplySchema<T>,
  now: Date = new Date(),
): T {
  const { status } = reply;
  if (status >= 200 && status < 300) {
    return schema === 'ignored' ? (undefined as T) : parseBody(reply, schema, '');
  }
  throw new HostError(errorFailure(operation, reply, now));
}

function parseBody<T>(reply: ExchangeReply, schema: z.ZodType<T>, context: string): T {
  if (reply.mediaType !== 'application/json') {
    throw new HostError({
      kind: 'malformedReply',
      detail: `${context}content type is not application/json`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(reply.body));
  } catch {
    throw new HostError({ kind: 'malformedReply', detail: `${context}reply is not valid JSON` });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new HostError({
    kind: 'malformedReply',
    detail: `${context}${describeIssues(parsed.error)}`,
  });
}

/** Field paths and issue codes only (`jht.closingBalance: too_small`): no values, no messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(pathPart).join('.') || '(reply)'}: ${issue.code}`)
    .join('; ');
}

/** Array indexes and the schema's own keys; an unknown key the reply made up is not echoed. */
const pathPart = (part: PropertyKey): string =>
  typeof part === 'number'
    ? String(part)
    : /^[A-Za-z]{1,40}$/.test(String(part))
      ? String(part)
      : '?';

function errorFailure(operation: Operation, reply: ExchangeReply, now: Date): HostFailure {
  const { status } = reply;
  if (status >= 300 && status < 400) {
    return { kind: 'unavailable', detail: `HTTP ${status} (redirects are not followed)` };
  }
  if (status >= 500) return { kind: 'unavailable', detail: `HTTP ${status}` };
  if (status === 404 && operation === 'bankCardVerify') return bankCardNotFound(reply);
  if (status === 404) return { kind: 'notFound' };
  if (status === 401 && !VERIFYING.has(operation)) return { kind: 'unauthorized' };
  if (status === 409) return { kind: 'conflict' };
  if (status === 422) return { kind: 'refused', detail: 'HTTP 422' };
  if (status < 400 || status > 499) {
    return { kind: 'unavailable', detail: 'unexpected HTTP status' };
  }

  let body: HostErrorBody;
  try {
    body = parseBody(reply, HostErrorBody, `HTTP ${status} `);
  } catch (error) {
    return (error as HostError).failure;
  }
  if (status === 401) {
    if (body.attemptsLeft === undefined) {
      return { kind: 'malformedReply', detail: 'HTTP 401 attemptsLeft: missing' };
    }
    return { kind: 'verificationFailed', attemptsLeft: body.attemptsLeft };
  }
  if (status === 423) {
    if (body.retryAt === undefined) {
      return { kind: 'malformedReply', detail: 'HTTP 423 retryAt: missing' };
    }
    const untilMs = Date.parse(body.retryAt) - now.getTime();
    if (!(untilMs >= -RETRY_AT_WINDOW.pastMs && untilMs <= RETRY_AT_WINDOW.aheadMs)) {
      return { kind: 'malformedReply', detail: 'HTTP 423 retryAt: out of range' };
    }
    return { kind: 'locked', retryAt: body.retryAt };
  }
  const refused = operation === 'bankCardVerify' ? BANK_CARD_REFUSALS[403][body.code] : undefined;
  if (status === 403 && refused) return { kind: refused };
  if (status === 410 && body.code === 'otpExpired') return { kind: 'otpExpired' };
  if (status === 429 && body.code === 'tooSoon') {
    return { kind: 'tooSoon', retryAfterSeconds: body.retryAfterSeconds ?? 30 };
  }
  return { kind: 'unavailable', detail: `HTTP ${status} ${body.code}` };
}

/** 404 from the bank link: `noKpjLinked` when its body says so; otherwise the card is unknown. */
function bankCardNotFound(reply: ExchangeReply): HostFailure {
  let code: HostErrorCode | undefined;
  try {
    code = parseBody(reply, HostErrorBody, '').code;
  } catch {
    // A 404 without a readable body still means "no such card".
  }
  const refused = code === undefined ? undefined : BANK_CARD_REFUSALS[404][code];
  return { kind: refused ?? 'notFound' };
}
