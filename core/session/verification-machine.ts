import { outputOf } from './host-steps';
import { EMPTY_ENTRY, entryFieldEvents } from './entry-field';
import {
  typedBirthDateIso,
  verifiedBy,
  verificationSetup,
  type VerificationOutcome,
} from './verification-setup';

export type { VerificationContext, VerificationOutcome } from './verification-setup';

/**
 * Proves the person is the KPJ's owner: birth date, then a one-time code where the host or the
 * kiosk's policy asks for one. Ends with the token and the balance, or with why not.
 */
export const verificationMachine = verificationSetup.createMachine({
  id: 'verification',
  context: ({ input }) => ({
    ...input,
    ...EMPTY_ENTRY,
    failedAttempts: 0,
    token: null,
    otp: null,
    lockedUntil: null,
  }),
  initial: 'birthDate',
  states: {
    birthDate: {
      tags: ['showsIdentity', 'takesKeys'],
      meta: { screen: 'enterBirthDate', field: 'birthDate' },
      entry: 'emptyField',
      on: {
        ...entryFieldEvents({ field: 'birthDate' as const }),
        // Checked here, before the host is asked: a slip costs no verification attempt.
        enter: [
          { guard: 'birthDateAcceptable', target: 'checkingBirthDate' },
          { actions: 'refuseBirthDate' },
        ],
        submitBirthDate: [
          {
            guard: 'submittedBirthDateAcceptable',
            target: 'checkingBirthDate',
            actions: 'takeSubmittedBirthDate',
          },
          { actions: 'refuseSubmittedBirthDate' },
        ],
        back: 'wentBack',
      },
    },
    checkingBirthDate: {
      tags: ['showsIdentity', 'takesKeys'],
      meta: { screen: 'loading' },
      invoke: {
        src: 'verifyBirthDate',
        input: ({ context }) => ({
          deps: context.deps,
          kpj: context.kpj,
          birthDate: typedBirthDateIso(context),
          otp: context.otpRequired,
        }),
        onDone: [
          { guard: 'otpWasSent', target: 'otp', actions: 'rememberOtpSent' },
          { target: 'verified', actions: 'forgetLockout' },
        ],
        onError: [
          {
            guard: { type: 'failureIs', params: { kind: 'verificationFailed' } },
            target: 'countingAttempts',
            actions: ['countFailedAttempt', 'journalFailedAttempt'],
          },
          {
            guard: { type: 'failureIs', params: { kind: 'locked' } },
            target: 'locked',
            actions: 'rememberHostLock',
          },
          { target: 'hostFailed', actions: 'showHostFailure' },
        ],
      },
    },
    countingAttempts: {
      always: [
        { guard: 'noAttemptsLeft', target: 'locked', actions: 'registerLockout' },
        { target: 'birthDate' },
      ],
    },
    otp: {
      initial: 'entering',
      states: {
        entering: {
          tags: ['showsIdentity', 'takesKeys'],
          meta: { screen: 'enterOtp', field: 'otp' },
          entry: 'emptyField',
          on: {
            ...entryFieldEvents({ field: 'otp' as const }),
            enter: [
              { guard: 'otpComplete', target: 'checking' },
              { actions: 'refuseIncompleteOtp' },
            ],
            resendOtp: [
              { guard: 'resendAllowed', target: 'resending' },
              { actions: 'refuseEarlyResend' },
            ],
          },
        },
        resending: {
          tags: ['showsIdentity', 'takesKeys'],
          meta: { screen: 'loading' },
          invoke: {
            src: 'sendOtp',
            input: ({ context }) => ({ deps: context.deps, token: context.token ?? '' }),
            onDone: { target: 'entering', actions: 'rememberOtpResent' },
            onError: [
              {
                guard: { type: 'failureIs', params: { kind: 'tooSoon' } },
                target: 'entering',
                actions: 'refuseEarlyResend',
              },
              { target: '#verification.hostFailed', actions: 'showHostFailure' },
            ],
          },
        },
        checking: {
          tags: ['showsIdentity', 'takesKeys'],
          meta: { screen: 'loading' },
          invoke: {
            src: 'verifyOtp',
            input: ({ context }) => ({
              deps: context.deps,
              kpj: context.kpj,
              token: context.token ?? '',
              code: context.buffer,
            }),
            onDone: { target: '#verification.verified', actions: 'forgetLockout' },
            onError: [
              {
                guard: { type: 'failureIs', params: { kind: 'verificationFailed' } },
                target: 'entering',
                actions: ['showOtpFailure', 'journalFailedAttempt'],
              },
              {
                guard: { type: 'failureIs', params: { kind: 'otpExpired' } },
                target: 'entering',
                actions: ['showOtpFailure', 'journalFailedAttempt'],
              },
              {
                guard: { type: 'failureIs', params: { kind: 'locked' } },
                target: '#verification.locked',
                actions: 'rememberHostLock',
              },
              { target: '#verification.hostFailed', actions: 'showHostFailure' },
            ],
          },
        },
      },
    },
    // Entered only from a host step that proved the person: its reply is the output.
    verified: {
      type: 'final',
      output: ({ event }) => ({ outcome: 'verified', ...verifiedBy(event) }),
    },
    locked: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'locked', lockedUntil: context.lockedUntil }),
    },
    hostFailed: {
      type: 'final',
      output: ({ context }) => ({
        outcome: 'hostFailed',
        error: context.error ?? { code: 'hostUnavailable' },
      }),
    },
    wentBack: { type: 'final', output: { outcome: 'back' } },
  },
  output: ({ event }) => outputOf<VerificationOutcome>(event),
});
