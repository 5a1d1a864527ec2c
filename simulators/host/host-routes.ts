import type { IncomingMessage, ServerResponse } from 'node:http';
import { KPJ_LENGTH } from '../../core/common/domain/kpj';
import { maskKpj } from '../../core/common/domain/mask';
import {
  BankCardVerifyRequest,
  JournalAnchor,
  JournalRecordsBatch,
  LookupRequest,
  MAX_JOURNAL_BATCH_BYTES,
  MAX_JOURNAL_BATCH_RECORDS,
  MAX_HISTORY_MONTHS,
  OtpVerifyRequest,
  VerifyRequest,
  type OtpSendReply,
  type OtpVerifyReply,
  type BankCardVerifyReply,
  type ContributionHistory,
  type HealthReply,
  type JournalShipped,
  type LookupReply,
  type VerifyReply,
} from '../../core/host/host-api';
import type { HostRoute } from './faults';
import { bearerToken, readBody, sendError, sendJson, sendNoContent } from './http-io';
import type { AttemptTracker } from './lockouts';
import { monthIndex } from './seed/months';
import type { SimParticipant } from './seed/participant';
import type { SimBankCard } from './seed/bank-cards';
import type { TokenStore } from './tokens';
import type { JournalStore } from './journal-store';
import { recoverPin } from '../pinpad/host-pin-decryptor';
import { maskedPhoneOf, type OtpStore } from './otp';

export interface HostState {
  participants: ReadonlyMap<string, SimParticipant>;
  attempts: AttemptTracker;
  /** The partner bank's cards, by card reference. */
  bankCards: ReadonlyMap<string, SimBankCard>;
  /** Wrong PINs per card reference; the card is refused once they are spent, until a reset. */
  pinTries: AttemptTracker;
  tokens: TokenStore;
  otp: OtpStore;
  /** The latest journal anchor of each terminal (by X-Terminal-Id), in memory only. */
  anchors: Map<string, JournalAnchor>;
  /** The journal lines each terminal shipped, chain-checked, in memory only. */
  journals: JournalStore;
  now: () => Date;
}

/** Which host route a method and path name, or null. */
export function matchHostRoute(method: string, pathname: string): HostRoute | null {
  const routes: Record<string, HostRoute> = {
    'POST /v1/lookup': 'lookup',
    'POST /v1/verify': 'verify',
    'POST /v1/bank-card/verify': 'bankCardVerify',
    'POST /v1/otp/send': 'otpSend',
    'POST /v1/otp/verify': 'otpVerify',
    'GET /v1/balance': 'balance',
    'GET /v1/contributions': 'contributions',
    'GET /v1/health': 'health',
    'POST /v1/journal-anchors': 'anchorStore',
    'GET /v1/journal-anchors/latest': 'anchorLatest',
    'GET /v1/journal/shipped': 'journalShipped',
    'POST /v1/journal/records': 'journalRecords',
  };
  return routes[`${method} ${pathname}`] ?? null;
}

type Handler = (
  state: HostState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  /** The request's X-Terminal-Id, already checked. */
  terminalId: string,
) => Promise<void>;

const lookup: Handler = async (state, request, response) => {
  const body = await readBody(LookupRequest, request, response, `kpj must be ${KPJ_LENGTH} digits`);
  if (!body) return;
  const participant = state.participants.get(body.kpj);
  if (!participant) return sendError(response, 404, 'notFound', 'no participant with this KPJ');
  if (replyLocked(state, response, participant.kpj)) return;
  const reply: LookupReply = { verification: participant.verification };
  sendJson(response, 200, reply);
};

const verify: Handler = async (state, request, response) => {
  const body = await readBody(
    VerifyRequest,
    request,
    response,
    `kpj must be ${KPJ_LENGTH} digits, birthDate YYYY-MM-DD`,
  );
  if (!body) return;
  const participant = state.participants.get(body.kpj);
  if (!participant) return sendError(response, 404, 'notFound', 'no participant with this KPJ');
  if (replyLocked(state, response, participant.kpj)) return;
  if (participant.birthDate === body.birthDate) {
    state.attempts.succeed(participant.kpj);
    const token = state.tokens.issue(participant.kpj);
    if (participant.verification.includes('otp')) state.otp.demand(token);
    const reply: VerifyReply = { token, expiresInSeconds: state.tokens.ttlSeconds };
    return sendJson(response, 200, reply);
  }
  const outcome = state.attempts.fail(participant.kpj);
  if ('attemptsLeft' in outcome) {
    return sendError(response, 401, 'verificationFailed', 'birth date does not match', {
      attemptsLeft: outcome.attemptsLeft,
    });
  }
  sendError(response, 423, 'locked', 'too many failed attempts', {
    retryAt: outcome.lockedUntil.toISOString(),
  });
};

/** The bank link: the card by its reference, the PIN from its block, then the linked KPJs. */
const bankCardVerify: Handler = async (state, request, response) => {
  const body = await readBody(
    BankCardVerifyRequest,
    request,
    response,
    'cardReference must be the first six and last four digits; pinBlock and ksn hex of the length of their format',
  );
  if (!body) return;
  const { cardReference } = body;
  const card = state.bankCards.get(cardReference);
  if (!card) return sendError(response, 404, 'notFound', 'no card with this reference');
  if (card.blocked) return sendError(response, 403, 'cardBlocked', 'the card is blocked');
  if (state.pinTries.lockedUntilOf(cardReference)) return replyPinTriesExceeded(response);
  if (pinOf(body, card.pan) !== card.pin) {
    const outcome = state.pinTries.fail(cardReference);
    if (!('attemptsLeft' in outcome)) return replyPinTriesExceeded(response);
    return sendError(response, 401, 'verificationFailed', 'wrong PIN', {
      attemptsLeft: outcome.attemptsLeft,
    });
  }
  state.pinTries.succeed(cardReference);
  const linked = card.kpjs.flatMap((kpj) => state.participants.get(kpj) ?? []);
  if (linked.length === 0) {
    return sendError(response, 404, 'noKpjLinked', 'no KPJ is linked to the card owner');
  }
  const reply: BankCardVerifyReply = {
    accounts: linked.map((participant) => ({
      maskedKpj: maskKpj(participant.kpj),
      employer: participant.employer,
      membershipStatus: participant.status,
      token: state.tokens.issue(participant.kpj),
    })),
    expiresInSeconds: state.tokens.ttlSeconds,
  };
  sendJson(response, 200, reply);
};

function replyPinTriesExceeded(response: ServerResponse): void {
  sendError(response, 403, 'pinTriesExceeded', 'PIN tries exceeded: retain the card');
}

/** The PIN in the block, as the bank's HSM reads it; null when it is no block of this card. */
function pinOf(request: BankCardVerifyRequest, pan: string): string | null {
  const format = request.format === 'iso0' ? 0 : 4;
  try {
    return recoverPin({ format, pinBlock: request.pinBlock, ksn: request.ksn }, pan);
  } catch {
    return null;
  }
}

const otpSend: Handler = async (state, request, response) => {
  const participant = authorized(state, request, response, { allowOtpPending: true });
  if (!participant) return;
  const token = bearerToken(request)!;
  const wait = state.otp.waitBeforeResend(token);
  if (wait > 0) {
    return sendError(response, 429, 'tooSoon', 'a code was sent moments ago', {
      retryAfterSeconds: wait,
    });
  }
  state.otp.send(token, participant.kpj);
  const reply: OtpSendReply = {
    maskedDestination: maskedPhoneOf(participant.kpj),
    expiresInSeconds: state.otp.ttlSeconds,
    resendAfterSeconds: state.otp.resendAfterSeconds,
  };
  sendJson(response, 200, reply);
};

const otpVerify: Handler = async (state, request, response) => {
  const participant = authorized(state, request, response, { allowOtpPending: true });
  if (!participant) return;
  const body = await readBody(OtpVerifyRequest, request, response, 'code must be 6 digits');
  if (!body) return;
  if (replyLocked(state, response, participant.kpj)) return;
  const result = state.otp.check(bearerToken(request)!, body.code);
  if (result.ok) {
    const reply: OtpVerifyReply = { verified: true };
    return sendJson(response, 200, reply);
  }
  switch (result.reason) {
    case 'notSent':
      return sendError(response, 400, 'badRequest', 'no code was sent for this token');
    case 'expired':
      return sendError(response, 410, 'otpExpired', 'the code has expired');
    case 'wrong':
      return sendError(response, 401, 'verificationFailed', 'the code does not match', {
        attemptsLeft: result.attemptsLeft,
      });
    case 'exhausted': {
      const until = state.attempts.lockNow(participant.kpj);
      return sendError(response, 423, 'locked', 'too many wrong codes', {
        retryAt: until.toISOString(),
      });
    }
  }
};

const balance: Handler = async (state, request, response) => {
  const participant = authorized(state, request, response);
  if (participant) sendJson(response, 200, participant.summary);
};

const contributions: Handler = async (state, request, response, url) => {
  const participant = authorized(state, request, response);
  if (!participant) return;
  const months = Number(url.searchParams.get('months'));
  if (!Number.isInteger(months) || months < 1 || months > MAX_HISTORY_MONTHS) {
    return sendError(
      response,
      400,
      'badRequest',
      `months must be an integer 1..${MAX_HISTORY_MONTHS}`,
    );
  }
  // The window ends at the last paid month, so an inactive member still sees their last rows.
  const newest = participant.rows[0];
  const oldestIndex = newest ? monthIndex(newest.month) - months + 1 : 0;
  const reply: ContributionHistory = {
    rows: participant.rows.filter((row) => monthIndex(row.month) >= oldestIndex),
  };
  sendJson(response, 200, reply);
};

const health: Handler = async (state, _request, response) => {
  const reply: HealthReply = { status: 'ok', time: state.now().toISOString() };
  sendJson(response, 200, reply);
};

const anchorStore: Handler = async (state, request, response, _url, terminalId) => {
  const anchor = await readBody(
    JournalAnchor,
    request,
    response,
    'seq must be a positive integer, hash 64 lowercase hex digits, at an ISO 8601 instant',
  );
  if (!anchor) return;
  const stored = state.anchors.get(terminalId);
  // A journal cut short and re-hashed must not replace the anchor that would give it away.
  if (stored && anchor.seq < stored.seq) {
    return sendError(
      response,
      409,
      'conflict',
      `the host holds a later anchor for this terminal (seq ${stored.seq})`,
    );
  }
  if (stored && anchor.seq === stored.seq) {
    if (anchor.hash !== stored.hash) {
      return sendError(
        response,
        409,
        'conflict',
        `the host holds another hash for seq ${stored.seq} of this terminal`,
      );
    }
    return sendNoContent(response); // the same head again: nothing changes
  }
  state.anchors.set(terminalId, anchor);
  sendNoContent(response);
};

const anchorLatest: Handler = async (state, _request, response, _url, terminalId) => {
  const stored = state.anchors.get(terminalId);
  if (!stored) return sendError(response, 404, 'notFound', 'no journal anchor for this terminal');
  const reply: JournalAnchor = stored;
  sendJson(response, 200, reply);
};

const journalShipped: Handler = async (state, _request, response, _url, terminalId) => {
  const reply: JournalShipped = state.journals.headOf(terminalId);
  sendJson(response, 200, reply);
};

/** Stores a batch only when every record and the chain check out, and it follows on. */
const journalRecords: Handler = async (state, request, response, _url, terminalId) => {
  const batch = await readBody(
    JournalRecordsBatch,
    request,
    response,
    `lines: 1 to ${MAX_JOURNAL_BATCH_RECORDS} journal lines, at most ${MAX_JOURNAL_BATCH_BYTES} bytes`,
    MAX_JOURNAL_BATCH_BYTES,
  );
  if (!batch) return;
  const check = state.journals.receive(terminalId, batch.lines, state.anchors.get(terminalId));
  if (!check.ok)
    return sendError(
      response,
      check.status,
      check.status === 409 ? 'conflict' : 'badRequest',
      check.reason,
    );
  const reply: JournalShipped = check.head;
  sendJson(response, 200, reply);
};

export const HOST_HANDLERS: Record<HostRoute, Handler> = {
  lookup,
  verify,
  bankCardVerify,
  otpSend,
  otpVerify,
  balance,
  contributions,
  health,
  anchorStore,
  anchorLatest,
  journalShipped,
  journalRecords,
};

function replyLocked(state: HostState, response: ServerResponse, kpj: string): boolean {
  const until = state.attempts.lockedUntilOf(kpj);
  if (!until) return false;
  sendError(response, 423, 'locked', 'too many failed attempts', { retryAt: until.toISOString() });
  return true;
}

function authorized(
  state: HostState,
  request: IncomingMessage,
  response: ServerResponse,
  options: { allowOtpPending?: boolean } = {},
): SimParticipant | null {
  const token = bearerToken(request);
  const kpj = token ? state.tokens.kpjOf(token) : null;
  const participant = kpj ? state.participants.get(kpj) : undefined;
  if (!participant || (!options.allowOtpPending && state.otp.blocks(token!))) {
    sendError(response, 401, 'unauthorized', 'missing, unknown or expired token');
    return null;
  }
  return participant;
}
