import type { z } from 'zod';
import {
  BalanceSummary,
  ContributionHistory,
  HealthReply,
  HostErrorBody,
  JournalAnchor,
  LookupReply,
  OtpSendReply,
  OtpVerifyReply,
  VerifyReply,
} from './host-api';
import { HostError, type HostClient, type HostFailure } from './host-client';

export interface HttpHostClientOptions {
  /** The host's base URL; may carry a path prefix (`https://gateway.example/bpjs`). */
  baseUrl: string;
  /** Sent as X-Terminal-Id on every request. */
  terminalId: string;
  /** Per-request budget, connection to last byte (default 8000 ms). */
  timeoutMs?: number;
}

type Operation =
  | 'lookup'
  | 'verify'
  | 'otpSend'
  | 'otpVerify'
  | 'balance'
  | 'contributions'
  | 'health'
  | 'anchorStore'
  | 'anchorLatest';

/** Operations whose 401 means "wrong answer, N attempts left" rather than "token not accepted". */
const VERIFYING: ReadonlySet<Operation> = new Set(['verify', 'otpVerify']);

interface Call<T> {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: string;
  /** The 2xx reply's schema; `ignored` for calls whose answer has no content (204). */
  schema: z.ZodType<T> | 'ignored';
  signal: AbortSignal | undefined;
}

/**
 * The kiosk's HostClient over HTTP/JSON (docs/host-api.openapi.yaml). Every reply is
 * schema-validated; every failure is a HostError whose detail never carries the KPJ, the birth
 * date, a token or any reply content.
 */
export class HttpHostClient implements HostClient {
  private readonly baseUrl: string;
  private readonly terminalId: string;
  private readonly timeoutMs: number;

  constructor(options: HttpHostClientOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.terminalId = options.terminalId;
    this.timeoutMs = options.timeoutMs ?? 8000;
  }

  lookup(kpj: string, signal?: AbortSignal): Promise<LookupReply> {
    return this.call({
      operation: 'lookup',
      method: 'POST',
      path: 'v1/lookup',
      body: { kpj },
      schema: LookupReply,
      signal,
    });
  }

  verifyBirthDate(kpj: string, birthDate: string, signal?: AbortSignal): Promise<VerifyReply> {
    return this.call({
      operation: 'verify',
      method: 'POST',
      path: 'v1/verify',
      body: { kpj, birthDate },
      schema: VerifyReply,
      signal,
    });
  }

  sendOtp(token: string, signal?: AbortSignal): Promise<OtpSendReply> {
    return this.call({
      operation: 'otpSend',
      method: 'POST',
      path: 'v1/otp/send',
      body: {},
      token,
      schema: OtpSendReply,
      signal,
    });
  }

  async verifyOtp(token: string, code: string, signal?: AbortSignal): Promise<void> {
    await this.call({
      operation: 'otpVerify',
      method: 'POST',
      path: 'v1/otp/verify',
      body: { code },
      token,
      schema: OtpVerifyReply,
      signal,
    });
  }

  balance(token: string, signal?: AbortSignal): Promise<BalanceSummary> {
    return this.call({
      operation: 'balance',
      method: 'GET',
      path: 'v1/balance',
      token,
      schema: BalanceSummary,
      signal,
    });
  }

  contributions(token: string, months: number, signal?: AbortSignal): Promise<ContributionHistory> {
    return this.call({
      operation: 'contributions',
      method: 'GET',
      path: `v1/contributions?months=${encodeURIComponent(String(months))}`,
      token,
      schema: ContributionHistory,
      signal,
    });
  }

  async ping(signal?: AbortSignal): Promise<number> {
    const started = performance.now();
    await this.call({
      operation: 'health',
      method: 'GET',
      path: 'v1/health',
      schema: HealthReply,
      signal,
    });
    return Math.round(performance.now() - started);
  }

  async sendJournalAnchor(anchor: JournalAnchor, signal?: AbortSignal): Promise<void> {
    await this.call({
      operation: 'anchorStore',
      method: 'POST',
      path: 'v1/journal-anchors',
      body: anchor,
      schema: 'ignored',
      signal,
    });
  }

  async latestJournalAnchor(signal?: AbortSignal): Promise<JournalAnchor | null> {
    try {
      return await this.call({
        operation: 'anchorLatest',
        method: 'GET',
        path: 'v1/journal-anchors/latest',
        schema: JournalAnchor,
        signal,
      });
    } catch (error) {
      if (error instanceof HostError && error.failure.kind === 'notFound') return null;
      throw error;
    }
  }

  private async call<T>(call: Call<T>): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-terminal-id': this.terminalId,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;

    let status: number;
    let text: string;
    try {
      const response = await fetch(new URL(call.path, this.baseUrl), {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new HostError(transportFailure(error, timeout, call.signal));
    }

    if (status >= 200 && status < 300) {
      return call.schema === 'ignored' ? (undefined as T) : parseReply(text, call.schema);
    }
    throw new HostError(errorFailure(call.operation, status, text));
  }
}

function transportFailure(
  error: unknown,
  timeout: AbortSignal,
  callerSignal: AbortSignal | undefined,
): HostFailure {
  if (timeout.aborted) return { kind: 'timeout' };
  if (callerSignal?.aborted) {
    const reason: unknown = callerSignal.reason;
    if (reason instanceof DOMException && reason.name === 'TimeoutError')
      return { kind: 'timeout' };
    return { kind: 'unavailable', detail: 'request canceled' };
  }
  return { kind: 'unavailable', detail: networkErrorCode(error) };
}

/** `ECONNREFUSED`, `ECONNRESET`, ...: the cause's code only, never a message that could echo data. */
function networkErrorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return 'network error';
}

function parseReply<T>(text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HostError({ kind: 'malformedReply', detail: 'reply is not valid JSON' });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new HostError({ kind: 'malformedReply', detail: describeIssues(parsed.error) });
}

/** Field paths and issue codes only (`jht.closingBalance: too_small`): no values, no messages. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(reply)'}: ${issue.code}`)
    .join('; ');
}

function errorFailure(operation: Operation, status: number, text: string): HostFailure {
  if (status >= 500) return { kind: 'unavailable', detail: `HTTP ${status}` };
  if (status === 404) return { kind: 'notFound' };
  if (status === 401 && !VERIFYING.has(operation)) return { kind: 'unauthorized' };
  if (status === 409) return { kind: 'conflict' };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'malformedReply', detail: `HTTP ${status} error body is not valid JSON` };
  }
  const parsed = HostErrorBody.safeParse(json);
  if (!parsed.success) {
    return { kind: 'malformedReply', detail: `HTTP ${status} ${describeIssues(parsed.error)}` };
  }
  const body = parsed.data;
  if (status === 401) {
    if (body.attemptsLeft === undefined) {
      return { kind: 'malformedReply', detail: 'HTTP 401 attemptsLeft: missing' };
    }
    return { kind: 'verificationFailed', attemptsLeft: body.attemptsLeft };
  }
  if (status === 423) {
    if (body.retryAt === undefined || Number.isNaN(Date.parse(body.retryAt))) {
      return { kind: 'malformedReply', detail: 'HTTP 423 retryAt: missing or not an instant' };
    }
    return { kind: 'locked', retryAt: body.retryAt };
  }
  if (status === 410 && body.code === 'otpExpired') return { kind: 'otpExpired' };
  if (status === 429 && body.code === 'tooSoon') {
    return { kind: 'tooSoon', retryAfterSeconds: body.retryAfterSeconds ?? 30 };
  }
  return { kind: 'unavailable', detail: `HTTP ${status} ${body.code}` };
}
