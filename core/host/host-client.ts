import type {
  BalanceSummary,
  BankCardVerifyReply,
  BankCardVerifyRequest,
  ContributionHistory,
  JournalAnchor,
  JournalRecordsBatch,
  JournalShipped,
  LookupReply,
  OtpSendReply,
  VerifyReply,
} from './host-api';

/** Why a host call failed, as the session flow needs to tell it apart. */
export type HostFailure =
  | { kind: 'notFound' }
  | { kind: 'verificationFailed'; attemptsLeft: number }
  | { kind: 'locked'; retryAt: string }
  | { kind: 'otpExpired' }
  /** Bank card blocked by its bank (403 cardBlocked). */
  | { kind: 'cardBlocked' }
  /** Bank card PIN tries exceeded (403 pinTriesExceeded): the card is to be retained. */
  | { kind: 'pinTriesExceeded' }
  /** The bank knows the card owner, but no KPJ is linked to the NIK (404 noKpjLinked). */
  | { kind: 'noKpjLinked' }
  | { kind: 'tooSoon'; retryAfterSeconds: number }
  | { kind: 'unauthorized' }
  /**
   * 409: the host holds a later journal anchor for this terminal (or another hash for this seq),
   * or shipped journal records do not follow on from the ones it holds.
   */
  | { kind: 'conflict' }
  /** 422: the host refused what was sent (shipped journal records that are no valid chain). */
  | { kind: 'refused'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'malformedReply'; detail: string };

export class HostError extends Error {
  constructor(readonly failure: HostFailure) {
    super(`host call failed: ${failure.kind}`);
    this.name = 'HostError';
  }
}

/** The kiosk's view of the BPJS host. Every method rejects with HostError only. */
export interface HostClient {
  lookup(kpj: string, signal?: AbortSignal): Promise<LookupReply>;
  verifyBirthDate(kpj: string, birthDate: string, signal?: AbortSignal): Promise<VerifyReply>;
  /**
   * The ATM profile: the bank checks the card PIN (a PIN block) and answers with the KPJ
   * accounts linked to its customer, one token each. Wrong PIN: `verificationFailed` with
   * attempts left. Never retried: a second send could spend a PIN try.
   */
  verifyBankCard(
    request: BankCardVerifyRequest,
    signal?: AbortSignal,
  ): Promise<BankCardVerifyReply>;
  /** Sends a one-time code to the participant's registered phone; the token needs it before balance. */
  sendOtp(token: string, signal?: AbortSignal): Promise<OtpSendReply>;
  verifyOtp(token: string, code: string, signal?: AbortSignal): Promise<void>;
  balance(token: string, signal?: AbortSignal): Promise<BalanceSummary>;
  contributions(token: string, months: number, signal?: AbortSignal): Promise<ContributionHistory>;
  /** Round-trip to the host's health endpoint, for technicians. Resolves with latency in ms. */
  ping(signal?: AbortSignal): Promise<number>;
  /**
   * Stores this terminal's journal head on the host. Rejects with `conflict` when the host
   * already holds a later seq (or another hash for this seq).
   */
  sendJournalAnchor(anchor: JournalAnchor, signal?: AbortSignal): Promise<void>;
  /** The host's latest journal anchor for this terminal; null when it holds none. */
  latestJournalAnchor(signal?: AbortSignal): Promise<JournalAnchor | null>;
  /** The last journal record the host holds for this terminal (seq 0 when none). */
  journalShipped(signal?: AbortSignal): Promise<JournalShipped>;
  /**
   * Ships journal lines (verbatim, in order, right after the seq the host holds). Resolves with
   * the host's new last record; rejects with `conflict` when the batch does not follow on and
   * `refused` when its records are no valid chain (nothing is stored then).
   */
  shipJournalRecords(batch: JournalRecordsBatch, signal?: AbortSignal): Promise<JournalShipped>;
}
