import { setTimeout as delay } from 'node:timers/promises';
import {
  BalanceSummary,
  BankCardVerifyReply,
  BankCardVerifyRequest,
  ContributionHistory,
  HealthReply,
  JournalAnchor,
  JournalRecordsBatch,
  JournalShipped,
  LookupReply,
  OtpSendReply,
  OtpVerifyReply,
  VerifyReply,
} from './host-api';
import { HostError, type HostClient, type HostFailure } from './host-client';
import type { HostTlsMaterial } from './host-tls';
import { hostUrlProblem } from './host-url-policy';
import { describeIssues, interpretReply, type Operation, type ReplySchema } from './host-reply';
import {
  ACCEPT_ENCODING,
  createHostAgent,
  exchange,
  ExchangeError,
  type HostAgent,
} from './http-exchange';

export interface HttpHostClientOptions {
  /**
   * The host's base URL; may carry a path prefix (`https://gateway.example/bpjs`). https://, or
   * http:// to loopback only (host-url-policy.ts); anything else throws.
   */
  baseUrl: string;
  /** Sent as X-Terminal-Id on every request. */
  terminalId: string;
  /** Budget of one call, retry included: connection to last byte (default 8000 ms). */
  timeoutMs?: number;
  /** Pinned CA bundle and client certificate for https (host-tls.ts reads them from config). */
  tls?: HostTlsMaterial;
  /** Wait before the one retry of an idempotent read (default 250 ms). */
  retryDelayMs?: number;
  /** The kiosk's clock, to judge a lock's retryAt (default: the system clock). */
  now?: () => Date;
}

/** The largest reply body the kiosk reads, after decoding; a longer one is a malformed reply. */
export const MAX_REPLY_BYTES = 256 * 1024;

/**
 * Reads that may be sent twice: a connection reset or a 503 is retried once. Verification and
 * OTP calls never are: each try counts against the participant's attempts (a bank card's PIN
 * tries included).
 */
const RETRIED_ONCE: ReadonlySet<Operation> = new Set([
  'balance',
  'contributions',
  'anchorLatest',
  'journalShipped',
]);

interface Call<T> {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: string;
  schema: ReplySchema<T>;
  signal: AbortSignal | undefined;
}

/**
 * The kiosk's HostClient over HTTP/JSON (docs/host-api.openapi.yaml). Every reply is
 * schema-validated; every failure is a HostError whose detail never carries the KPJ, the birth
 * date, a card reference, PIN block or KSN, a token or any reply content.
 */
export class HttpHostClient implements HostClient {
  private readonly baseUrl: string;
  private readonly terminalId: string;
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly agent: HostAgent;
  private readonly now: () => Date;

  constructor(options: HttpHostClientOptions) {
    const problem = hostUrlProblem(options.baseUrl);
    if (problem) throw new Error(`host URL ${problem}`);
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.terminalId = options.terminalId;
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.agent = createHostAgent(new URL(this.baseUrl), options.tls);
    this.now = options.now ?? (() => new Date());
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

  /** The request is checked before it is sent; a bad one is refused naming field paths only. */
  verifyBankCard(
    request: BankCardVerifyRequest,
    signal?: AbortSignal,
  ): Promise<BankCardVerifyReply> {
    const parsed = BankCardVerifyRequest.safeParse(request);
    if (!parsed.success) {
      const detail = `request not sent: ${describeIssues(parsed.error)}`;
      return Promise.reject(new HostError({ kind: 'unavailable', detail }));
    }
    return this.call({
      operation: 'bankCardVerify',
      method: 'POST',
      path: 'v1/bank-card/verify',
      body: parsed.data,
      schema: BankCardVerifyReply,
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

  journalShipped(signal?: AbortSignal): Promise<JournalShipped> {
    return this.call({
      operation: 'journalShipped',
      method: 'GET',
      path: 'v1/journal/shipped',
      schema: JournalShipped,
      signal,
    });
  }

  /** The batch is checked before it is sent (bounds, one line each); a bad one is not sent. */
  shipJournalRecords(batch: JournalRecordsBatch, signal?: AbortSignal): Promise<JournalShipped> {
    const parsed = JournalRecordsBatch.safeParse(batch);
    if (!parsed.success) {
      const detail = `request not sent: ${describeIssues(parsed.error)}`;
      return Promise.reject(new HostError({ kind: 'unavailable', detail }));
    }
    return this.call({
      operation: 'journalRecords',
      method: 'POST',
      path: 'v1/journal/records',
      body: parsed.data,
      schema: JournalShipped,
      signal,
    });
  }

  private async call<T>(call: Call<T>): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    try {
      return await this.attempt(call, signal);
    } catch (error) {
      if (!RETRIED_ONCE.has(call.operation) || !worthRetrying(error)) {
        throw asHostError(error, timeout, call.signal);
      }
    }
    try {
      await delay(this.retryDelayMs, undefined, { signal });
      return await this.attempt(call, signal);
    } catch (error) {
      throw asHostError(error, timeout, call.signal);
    }
  }

  private async attempt<T>(call: Call<T>, signal: AbortSignal): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-encoding': ACCEPT_ENCODING,
      'x-terminal-id': this.terminalId,
    };
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
    const reply = await exchange(
      { url: new URL(call.path, this.baseUrl), method: call.method, headers, body, signal },
      this.agent,
      MAX_REPLY_BYTES,
    );
    return interpretReply(call.operation, reply, call.schema, this.now());
  }
}

/** A reset connection (a stale keep-alive socket, a restarting gateway) or a 503. */
function worthRetrying(error: unknown): boolean {
  if (error instanceof ExchangeError) return error.code === 'ECONNRESET';
  return (
    error instanceof HostError &&
    error.failure.kind === 'unavailable' &&
    error.failure.detail === 'HTTP 503'
  );
}

function asHostError(
  error: unknown,
  timeout: AbortSignal,
  callerSignal: AbortSignal | undefined,
): HostError {
  if (error instanceof HostError) return error;
  return new HostError(transportFailure(error, timeout, callerSignal));
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
  if (error instanceof ExchangeError) {
    return error.malformed
      ? { kind: 'malformedReply', detail: error.code }
      : { kind: 'unavailable', detail: error.code };
  }
  return { kind: 'unavailable', detail: 'network error' };
}
