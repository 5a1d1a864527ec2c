import { assign, emit, enqueueActions, setup } from 'xstate';
import { calendarDay, parseBirthDate } from '../common/domain/birth-date';
import { DEFAULT_TIME_ZONE } from '../common/domain/format';
import type { OtpSendReply } from '../host/host-api';
import { birthDateError, incomplete, type SessionError } from './entry-rules';
import {
  EMPTY_ENTRY,
  erasedDigit,
  FIXED_FIELD_LENGTH,
  OTP_LENGTH,
  typedDigit,
  type FixedField,
} from './entry-field';
import {
  failureOfEvent,
  hostErrorCode,
  hostSteps,
  otpStateOf,
  outputOf,
  type OtpState,
} from './host-steps';
import type { EntryState, SessionMachineDeps, Verified } from './session-context';
import type { SessionEvent } from './session-events';
import { journal, type JournalEvent } from './session-facts';
import type { StepMeta, StepTag } from './step-meta';

export interface VerificationInput {
  deps: SessionMachineDeps;
  kpj: string;
  otpRequired: boolean;
}

export interface VerificationContext extends EntryState, VerificationInput {
  failedAttempts: number;
  /** The host's token once the birth date is accepted (the OTP step still needs it). */
  token: string | null;
  otp: OtpState | null;
  lockedUntil: string | null;
}

/** How verification ended; the parent goes on from each. */
export type VerificationOutcome =
  | ({ outcome: 'verified' } & Verified)
  | { outcome: 'locked'; lockedUntil: string | null }
  | { outcome: 'hostFailed'; error: SessionError }
  | { outcome: 'back' };

/** The token and balance a host step proved; anything less is a bug, not a person's balance. */
export function verifiedBy(event: unknown): Verified {
  const output = outputOf<Partial<Verified> | undefined>(event);
  if (!output?.token || !output.summary) throw new Error('verification ended without its proof');
  return { token: output.token, summary: output.summary };
}

/** The typed birth date as the host takes it (YYYY-MM-DD); only asked for once it parses. */
export function typedBirthDateIso(context: VerificationContext): string {
  const parsed = parseBirthDate(context.buffer, today(context.deps));
  return parsed.ok ? parsed.iso : '';
}

const today = (deps: SessionMachineDeps) =>
  calendarDay(deps.now(), deps.timeZone ?? DEFAULT_TIME_ZONE);

/** The verification machine's vocabulary: every guard, action and actor by name. */
export const verificationSetup = setup({
  types: {
    context: {} as VerificationContext,
    events: {} as SessionEvent,
    input: {} as VerificationInput,
    output: {} as VerificationOutcome,
    emitted: {} as JournalEvent,
    tags: {} as StepTag,
    meta: {} as StepMeta,
  },
  actors: hostSteps,
  actions: {
    typeDigit: assign(({ context, event }, params: { field: FixedField }) =>
      event.type === 'digit'
        ? typedDigit(context, event.digit, FIXED_FIELD_LENGTH[params.field])
        : {},
    ),
    eraseDigit: assign(({ context }) => erasedDigit(context)),
    clearEntry: assign(EMPTY_ENTRY),
    /** A new try at the field starts empty; what was said about the last try stays. */
    emptyField: assign({ buffer: '', bufferPrefilled: false }),
    refuseBirthDate: assign(({ context }) => ({
      error: birthDateError(context.buffer, today(context.deps)),
    })),
    takeSubmittedBirthDate: assign(({ event }) =>
      event.type === 'submitBirthDate' ? { buffer: event.birthDate.replace(/\D/g, '') } : {},
    ),
    refuseSubmittedBirthDate: assign(({ context, event }) =>
      event.type === 'submitBirthDate'
        ? { error: birthDateError(event.birthDate, today(context.deps)) }
        : {},
    ),
    refuseIncompleteOtp: assign(({ context }) => ({
      error: incomplete(context.buffer, OTP_LENGTH),
    })),
    refuseEarlyResend: assign({ error: { code: 'otpTooSoon' } }),
    /** A wrong birth date: the kiosk's own count and the host's, whichever leaves fewer. */
    countFailedAttempt: assign(({ context, event }) => {
      const failure = failureOfEvent(event);
      const hostLeft = failure.kind === 'verificationFailed' ? failure.attemptsLeft : 0;
      const failedAttempts = context.failedAttempts + 1;
      const localLeft = Math.max(context.deps.maxBirthDateAttempts - failedAttempts, 0);
      const attemptsLeft = Math.min(hostLeft, localLeft);
      return { failedAttempts, error: { code: 'verificationFailed' as const, attemptsLeft } };
    }),
    journalFailedAttempt: emit(({ context }) =>
      journal({
        type: 'verificationResult',
        data: { result: 'failed', attemptsLeft: context.error?.attemptsLeft ?? 0 },
      }),
    ),
    /** The last attempt failed: this KPJ is locked on this kiosk (the registry remembers it). */
    registerLockout: enqueueActions(({ context, enqueue }) => {
      const lockedUntil = context.deps.lockouts.lock(context.kpj, context.deps.now());
      enqueue.assign({ lockedUntil });
    }),
    rememberHostLock: assign(({ event }) => {
      const failure = failureOfEvent(event);
      return { lockedUntil: failure.kind === 'locked' ? failure.retryAt : null };
    }),
    showHostFailure: assign(({ event }) => ({
      error: { code: hostErrorCode(failureOfEvent(event)) },
    })),
    /** The birth date was right and the code went out: the OTP step waits for it. */
    rememberOtpSent: assign(({ context, event }) => {
      const reply = outputOf<{ token: string; otp: OtpSendReply }>(event);
      return { token: reply.token, otp: otpStateOf(reply.otp, context.deps.now()), ...EMPTY_ENTRY };
    }),
    rememberOtpResent: assign(({ context, event }) => ({
      otp: otpStateOf(outputOf<OtpSendReply>(event), context.deps.now()),
      error: null,
    })),
    showOtpFailure: assign(({ event }) => {
      const failure = failureOfEvent(event);
      return {
        error:
          failure.kind === 'otpExpired'
            ? { code: 'otpExpired' as const }
            : {
                code: 'otpFailed' as const,
                attemptsLeft: failure.kind === 'verificationFailed' ? failure.attemptsLeft : 0,
              },
      };
    }),
    forgetLockout: ({ context }) => context.deps.lockouts.clear(context.kpj),
  },
  guards: {
    birthDateAcceptable: ({ context }) => parseBirthDate(context.buffer, today(context.deps)).ok,
    submittedBirthDateAcceptable: ({ context, event }) =>
      event.type === 'submitBirthDate' && parseBirthDate(event.birthDate, today(context.deps)).ok,
    otpComplete: ({ context }) => context.buffer.length === OTP_LENGTH,
    resendAllowed: ({ context }) => (context.otp?.resendAt ?? 0) <= context.deps.now().getTime(),
    otpWasSent: ({ event }) => outputOf<{ otp: OtpSendReply | null }>(event).otp !== null,
    failureIs: (
      { event },
      params: { kind: 'verificationFailed' | 'locked' | 'tooSoon' | 'otpExpired' },
    ) => failureOfEvent(event).kind === params.kind,
    noAttemptsLeft: ({ context }) => (context.error?.attemptsLeft ?? 0) === 0,
  },
});
