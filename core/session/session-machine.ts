import { entryFieldEvents } from './entry-field';
import { freshSession } from './session-context';
import { servedStates } from './served-states';
import { bankCardStates } from './bank-card-states';
import { menuKeys, sessionSetup } from './session-setup';

const THANK_YOU = '#session.thankYou';
const LOCKED = '#session.visit.locked';
const ERROR = '#session.visit.error';

/**
 * The participant's session. A visit goes identify -> verify -> served (or ends locked or in
 * an error), and always through thank-you back to the start screen. The UI cannot skip a step:
 * it sends intents, and each state takes just the ones that make sense there. The diagram is
 * docs/session-machine.md (generated from this machine: `npm run diagram`).
 */
export const sessionMachine = sessionSetup.createMachine({
  id: 'session',
  context: ({ input }) => ({
    ...freshSession(input.defaultLanguage),
    deps: input.deps,
    defaultLanguage: input.defaultLanguage,
  }),
  initial: 'attract',
  on: {
    chooseLanguage: { guard: 'languageOffered', actions: 'setLanguage' },
    voice: { actions: 'setVoice' },
  },
  states: {
    attract: {
      tags: ['resting', 'vacant', 'identifying', 'takesKeys'],
      meta: { screen: 'attract', menu: 'attract' },
      entry: 'forgetEveryone',
      on: {
        // At an ATM the card starts the visit; a KPJ is not typed there.
        start: { guard: 'kioskProfile', target: 'visit' },
        // Keypad-only use: Enter starts; the menu's digits choose the language and voice.
        enter: { guard: 'kioskProfile', target: 'visit' },
        ...menuKeys('attract'),
        kpjCaptured: {
          guard: 'kioskProfile',
          target: 'visit.identify.lookingUp',
          actions: 'takeCapturedKpj',
        },
        bankCardInserted: {
          guard: 'atmProfile',
          target: 'visit.bankCard',
          actions: 'takeBankCard',
        },
        identificationRejected: {
          actions: ['showRejectedIdentification', 'expireRejectionNotice'],
        },
        identificationNoticeExpired: { actions: 'clearError' },
        serviceRestored: { target: 'attract', reenter: true },
      },
    },
    visit: {
      entry: 'journalVisitStarted',
      exit: ['journalVisitEnded', 'forgetBankCard'],
      initial: 'identify',
      on: {
        cancel: THANK_YOU,
        timeout: '#session.attract',
        auditFailed: '#session.attract',
      },
      states: {
        identify: {
          initial: 'enterKpj',
          // Out of service before the person is served: a word, then the visit ends.
          on: { serviceLost: { target: ERROR, actions: 'showOutOfService' } },
          states: {
            enterKpj: {
              tags: ['identifying', 'takesKeys'],
              meta: { screen: 'enterKpj', field: 'kpj' },
              entry: 'restoreTypedKpj',
              on: {
                ...entryFieldEvents({ field: 'kpj' as const }),
                enter: [
                  { guard: 'kpjComplete', target: 'lookingUp', actions: 'takeTypedKpj' },
                  { actions: 'refuseIncompleteKpj' },
                ],
                submitKpj: [
                  { guard: 'submittedKpjValid', target: 'lookingUp', actions: 'takeSubmittedKpj' },
                  { actions: 'refuseInvalidKpj' },
                ],
                kpjCaptured: { target: 'lookingUp', actions: 'takeCapturedKpj' },
                identificationRejected: { actions: 'showRejectedIdentification' },
              },
            },
            lookingUp: {
              tags: ['showsIdentity', 'takesKeys'],
              meta: { screen: 'loading' },
              entry: ['clearError', 'journalIdentified'],
              always: { guard: 'kpjLocked', target: LOCKED },
              invoke: {
                src: 'lookup',
                input: ({ context }) => ({ deps: context.deps, kpj: context.kpj ?? '' }),
                onDone: { target: '#session.visit.verify', actions: 'rememberOtpPolicy' },
                onError: [
                  { guard: 'hostLocked', target: LOCKED, actions: 'rememberHostLock' },
                  { target: ERROR, actions: 'showHostFailure' },
                ],
              },
            },
          },
        },
        verify: {
          invoke: {
            id: 'verification',
            src: 'verification',
            input: ({ context }) => ({
              deps: context.deps,
              kpj: context.kpj ?? '',
              otpRequired: context.otpRequired,
            }),
            onDone: [
              {
                guard: { type: 'outcomeIs', params: { outcome: 'verified' } },
                target: 'served',
                actions: ['acceptVerification', 'journalVerified'],
              },
              {
                guard: { type: 'outcomeIs', params: { outcome: 'locked' } },
                target: 'locked',
                actions: 'takeVerificationEnd',
              },
              { guard: { type: 'outcomeIs', params: { outcome: 'back' } }, target: 'identify' },
              { target: 'error', actions: 'takeVerificationEnd' },
            ],
          },
          // What the verification steps take from the person; the rest stays with the visit.
          on: {
            serviceLost: { target: 'error', actions: 'showOutOfService' },
            digit: { actions: 'forwardToVerification' },
            backspace: { actions: 'forwardToVerification' },
            clear: { actions: 'forwardToVerification' },
            enter: { actions: 'forwardToVerification' },
            back: { actions: 'forwardToVerification' },
            submitBirthDate: { actions: 'forwardToVerification' },
            resendOtp: { actions: 'forwardToVerification' },
          },
        },
        bankCard: bankCardStates,
        served: servedStates,
        locked: {
          tags: ['takesKeys'],
          meta: { screen: 'locked' },
          entry: ['recallLock', 'journalLocked'],
          on: { enter: THANK_YOU, finish: THANK_YOU },
        },
        error: {
          tags: ['showsIdentity', 'takesKeys', 'offersRetry'],
          meta: { screen: 'error' },
          entry: ['markErrorEnd', 'journalHostError'],
          on: {
            enter: [{ guard: 'inService', target: 'identify' }, { target: THANK_YOU }],
            back: [{ guard: 'inService', target: 'identify' }, { target: THANK_YOU }],
            finish: THANK_YOU,
          },
        },
      },
    },
    thankYou: {
      tags: ['resting', 'takesKeys'],
      meta: { screen: 'thankYou' },
      entry: 'forgetPerson',
      after: { thankYou: 'attract' },
      on: { start: { guard: 'kioskProfile', target: 'visit' }, enter: 'attract' },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
