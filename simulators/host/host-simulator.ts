import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-routes';
import {
  FaultConfig,
  resolveFault,
  SCHEMA_MISMATCH_BODIES,
  type EffectiveFault,
  type HostRoute,
} from './faults';
import type { JournalAnchor } from '../../core/host/host-api';
import { HOST_HANDLERS, matchHostRoute, type HostState } from './host-routes';
import { BadRequest, sendError, sendJson, sendRaw } from './http-io';
import { AttemptTracker } from './lockouts';
import type { SimParticipant } from './seed/participant';
import { PARTICIPANTS } from './seed/participants';
import { bankCardsByReference } from './seed/bank-cards';
import { TokenStore } from './tokens';
import { OtpStore } from './otp';
import { JournalStore } from './journal-store';

export interface HostSimulatorOptions {
  /** 0 (default) picks a free port. The simulator binds 127.0.0.1 only. */
  port?: number;
  /** Base latency of every host answer, in ms (default 0). A fault's latencyMs overrides it. */
  latencyMs?: number;
  faults?: FaultConfig;
  /**
   * Failed birth-date attempts before a KPJ is locked, and wrong PINs before a bank card is
   * refused (pinTriesExceeded, until resetLockouts) (default 3).
   */
  maxAttempts?: number;
  /** How long a lock lasts, in ms (default 15 minutes). */
  lockMs?: number;
  tokenTtlSeconds?: number;
  /** How long a one-time code stays valid (default 300 s) and the resend cool-down (default 30 s). */
  otpTtlSeconds?: number;
  otpResendSeconds?: number;
  /** The host's clock, for lock and token expiry (default: the real clock). */
  now?: () => Date;
  participants?: readonly SimParticipant[];
  /**
   * Where shipped journals are kept; pass the store of a simulator that was closed to start it
   * again with what it held (as a real host's durable storage would). Default: a new, empty one.
   */
  journals?: JournalStore;
  /** Called once per answered host request; carries no personal data. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  terminalId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

export interface HostSimulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  participants: readonly SimParticipant[];
  setFaults(faults: FaultConfig): void;
  clearFaults(): void;
  /** Forgets every failed birth date, KPJ lock and spent bank-card PIN try. */
  resetLockouts(): void;
  /** The last one-time code "sent by SMS" to this KPJ, for tests and the control panel. */
  lastOtpFor(kpj: string): string | null;
  /** The latest journal anchor a terminal sent, or null. */
  journalAnchorOf(terminalId: string): JournalAnchor | null;
  /** Forgets every terminal's journal anchor (a dev kiosk whose journal folder was wiped). */
  resetJournalAnchors(): void;
  /** The journal lines a terminal shipped, verbatim, in seq order (chain-checked on arrival). */
  journalLinesOf(terminalId: string): readonly string[];
  /** Forgets every terminal's shipped journal. */
  resetJournalRecords(): void;
  /** Stops listening and drops open connections, hung requests included. Safe to call twice. */
  close(): Promise<void>;
}

const TERMINAL_ID = /^[\x21-\x7e]{1,64}$/;

export async function startHostSimulator(
  options: HostSimulatorOptions = {},
): Promise<HostSimulator> {
  const baseLatencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(baseLatencyMs) || baseLatencyMs < 0) {
    throw new Error('latencyMs must be a non-negative number');
  }
  const now = options.now ?? (() => new Date());
  const participants = options.participants ?? PARTICIPANTS;
  const maxAttempts = options.maxAttempts ?? 3;
  const state: HostState = {
    participants: new Map(participants.map((participant) => [participant.kpj, participant])),
    attempts: new AttemptTracker(maxAttempts, options.lockMs ?? 15 * 60_000, now),
    bankCards: bankCardsByReference(),
    pinTries: new AttemptTracker(maxAttempts, Number.POSITIVE_INFINITY, now),
    tokens: new TokenStore(options.tokenTtlSeconds ?? 300, now),
    otp: new OtpStore(now, options.otpTtlSeconds ?? 300, options.otpResendSeconds ?? 30),
    anchors: new Map(),
    journals: options.journals ?? new JournalStore(),
    now,
  };
  let faults: FaultConfig = FaultConfig.parse(options.faults ?? {});
  const timers = new Set<NodeJS.Timeout>();

  const controls = {
    participants,
    getFaults: () => faults,
    setFaults: (next: FaultConfig) => {
      faults = FaultConfig.parse(next);
    },
    clearFaults: () => {
      faults = {};
    },
    resetLockouts: () => {
      state.attempts.reset();
      state.pinTries.reset();
    },
    lastOtpFor: (kpj: string) => state.otp.lastCodeFor(kpj),
    resetJournalAnchors: () => state.anchors.clear(),
    resetJournalRecords: () => state.journals.clear(),
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function answerHost(
    route: HostRoute,
    fault: EffectiveFault,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    terminalId: string,
  ): Promise<void> {
    await wait(fault.latencyMs);
    if (fault.status !== undefined) {
      return sendError(response, fault.status, 'internal', 'simulated host failure');
    }
    if (fault.malformed === 'invalidJson') return sendRaw(response, 200, '{"simulated": tru');
    if (fault.malformed === 'schemaMismatch') {
      return sendJson(response, 200, SCHEMA_MISMATCH_BODIES[route]);
    }
    await HOST_HANDLERS[route](state, request, response, url, terminalId);
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/sim/')) {
      return handleControl(controls, request, response, url);
    }
    const header = request.headers['x-terminal-id'];
    const terminalId = typeof header === 'string' && TERMINAL_ID.test(header) ? header : null;
    response.on('finish', () =>
      options.onRequest?.({
        terminalId,
        method: request.method ?? '',
        path: url.pathname,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
      }),
    );
    const route = matchHostRoute(request.method ?? '', url.pathname);
    if (!route) return sendError(response, 404, 'notFound', 'no such endpoint');
    if (!terminalId) {
      return sendError(response, 400, 'badRequest', 'X-Terminal-Id header is required');
    }
    const fault = resolveFault(faults, route, baseLatencyMs);
    if (fault.hang) return; // never answered; close() destroys the socket
    await answerHost(route, fault, request, response, url, terminalId);
  }

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof BadRequest) sendError(response, 400, 'badRequest', error.message);
      else sendError(response, 500, 'internal', 'simulator error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    participants,
    setFaults: controls.setFaults,
    clearFaults: controls.clearFaults,
    resetLockouts: controls.resetLockouts,
    lastOtpFor: controls.lastOtpFor,
    journalAnchorOf: (terminalId) => state.anchors.get(terminalId) ?? null,
    resetJournalAnchors: controls.resetJournalAnchors,
    journalLinesOf: (terminalId) => state.journals.linesOf(terminalId),
    resetJournalRecords: controls.resetJournalRecords,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
