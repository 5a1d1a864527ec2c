import { sessionSetup } from './session-setup';

const THANK_YOU = '#session.thankYou';
const RETURNING = '#session.visit.bankCard.returningCard';
const SERVED = '#session.visit.served';

/**
 * The ATM profile's identification and verification: the card PIN on the encrypting pin pad,
 * checked by the bank, which answers with the KPJ linked to its customer. The card comes back
 * before the balance (card first); it is kept when the bank says so or when it is not taken.
 * Leaving early (cancel, time-out) also goes through giving the card back.
 */
export const bankCardStates = sessionSetup.createStateConfig({
  initial: 'enterPin',
  on: { cancel: RETURNING, timeout: RETURNING },
  states: {
    enterPin: {
      tags: ['showsIdentity'],
      meta: { screen: 'enterPin' },
      entry: 'resetPinDigits',
      invoke: { src: 'cardPin', input: ({ context }) => ({ deps: context.deps }) },
      on: {
        pinDigits: { actions: 'setPinDigits' },
        pinEntered: 'checkingPin',
        pinEnded: [
          { guard: 'pinPadUnavailable', target: 'returningCard', actions: 'showPinPadUnavailable' },
          { target: 'returningCard' },
        ],
      },
    },
    checkingPin: {
      tags: ['showsIdentity'],
      meta: { screen: 'loading' },
      entry: 'clearError',
      invoke: {
        src: 'verifyBankCard',
        input: ({ context, event }) => ({
          deps: context.deps,
          pin: (event as Extract<typeof event, { type: 'pinEntered' }>).pin,
        }),
        onDone: [
          { guard: 'severalAccounts', target: 'chooseAccount', actions: 'takeAccounts' },
          { target: 'returningCard', actions: ['takeAccounts', 'journalAccountIdentified'] },
        ],
        onError: [
          {
            guard: { type: 'bankFailureIs', params: { kind: 'verificationFailed' } },
            target: 'enterPin',
            actions: ['showBankFailure', 'journalBankPinFailed'],
          },
          {
            guard: { type: 'bankFailureIs', params: { kind: 'pinTriesExceeded' } },
            target: 'retaining',
            actions: ['showBankFailure', 'journalBankPinFailed'],
          },
          {
            guard: { type: 'bankFailureIs', params: { kind: 'cardBlocked' } },
            target: 'retaining',
            actions: 'showBankFailure',
          },
          { target: 'returningCard', actions: ['showBankFailure', 'journalHostError'] },
        ],
      },
    },
    chooseAccount: {
      tags: ['takesKeys'],
      meta: { screen: 'chooseAccount' },
      on: {
        digit: {
          guard: 'accountChosen',
          target: 'returningCard',
          actions: ['pickAccount', 'journalAccountIdentified'],
        },
        chooseAccount: {
          guard: 'accountChosen',
          target: 'returningCard',
          actions: ['pickAccount', 'journalAccountIdentified'],
        },
      },
    },
    returningCard: {
      meta: { screen: 'takeCard' },
      // The card is on its way out: leaving now would leave it behind.
      on: { cancel: {}, timeout: {} },
      invoke: {
        src: 'returnCard',
        input: ({ context }) => ({ deps: context.deps }),
        onDone: [
          { guard: 'cardRetained', target: 'retained' },
          { guard: 'hasError', target: 'failed' },
          { guard: 'accountPicked', target: 'loadingBalance' },
          { target: THANK_YOU },
        ],
        onError: [
          { guard: 'hasError', target: 'failed' },
          { guard: 'accountPicked', target: 'loadingBalance' },
          { target: THANK_YOU },
        ],
      },
    },
    loadingBalance: {
      meta: { screen: 'loading' },
      invoke: {
        src: 'accountBalance',
        input: ({ context }) => ({ deps: context.deps, account: context.account! }),
        onDone: { target: SERVED, actions: ['acceptAccountBalance', 'journalVerified'] },
        onError: { target: 'failed', actions: ['showHostFailure', 'journalHostError'] },
      },
    },
    retaining: {
      meta: { screen: 'loading' },
      on: { cancel: {}, timeout: {} },
      invoke: {
        src: 'retainCard',
        input: ({ context }) => ({ deps: context.deps }),
        onDone: [{ guard: 'cardRetained', target: 'retained' }, { target: 'failed' }],
        onError: { target: 'failed' },
      },
    },
    retained: {
      tags: ['takesKeys'],
      meta: { screen: 'cardRetained' },
      entry: ['journalCardRetained', 'markErrorEnd'],
      on: { enter: THANK_YOU, finish: THANK_YOU, cancel: THANK_YOU, timeout: THANK_YOU },
    },
    failed: {
      tags: ['takesKeys'],
      meta: { screen: 'error' },
      entry: 'markErrorEnd',
      on: {
        enter: THANK_YOU,
        back: THANK_YOU,
        finish: THANK_YOU,
        cancel: THANK_YOU,
        timeout: THANK_YOU,
      },
    },
  },
});
