import type {
  BalanceSummary,
  ContributionHistory,
  JournalAnchor,
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
  | { kind: 'tooSoon'; retryAfterSeconds: number }
  | { kind: 'unauthorized' }
  /** 409: the host holds a later journal anchor for this terminal (or another hash for this seq). */
  | { kind: 'conflict' }
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
}
