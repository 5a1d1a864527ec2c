import { not } from 'xstate';
import { sessionSetup } from './session-setup';

const THANK_YOU = '#session.thankYou';
const CARD_BACK = '#session.visit.bankCard.cardBack';
const SERVED = '#session.visit.served';

/**
 * The ATM profile's identification and verification: the card PIN on the encrypting pin pad,
 * checked by the bank, which answers with the KPJ linked to its customer. The card comes back
 * before the balance (card first); it is kept when the bank says so or when it is not taken.
 * Leaving early (cancel, time-out) also goes through giving the card back. Embedded in the ATM's
 * own application (`handOff`), the card stays in the reader for it instead.
 */
export const bankCardStates = sessionSetup.createStateConfig({
  initial: 'enterPin',
  // Leaving early ends the visit plainly (no error of an earlier PIN try is left to show), and
  // never without the card: it goes back first (or stays, embedded). A journal that fails
  // (auditFailed) ends the visit too, card first all the same.
  on: {
    cancel: { target: CARD_BACK, actions: ['clearError', 'markCanceledEnd'] },
    timeout: { target: CARD_BACK, actions: 'clearError' },
    auditFailed: { target: CARD_BACK, actions: 'clearError' },
    // Out of service before the balance: the card comes back with a word, and the visit ends.
    serviceLost: { target: CARD_BACK, actions: 'showOutOfService' },
  },
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
          { guard: 'pinPadUnavailable', target: 'cardBack', actions: 'showPinPadUnavailable' },
          { target: 'cardBack', actions: ['clearError', 'markCanceledEnd'] },
        ],
      },
    },
    checkingPin: {
      tags: ['showsIdentity'],
      meta: { screen: 'loading' },
      entry: 'clearError',
      // The bank's answer decides what becomes of the card (kept on the last wrong PIN): it is
      // awaited, within the host timeout, whatever the person does meanwhile.
      on: { cancel: {}, timeout: {}, serviceLost: {} },
      invoke: {
        src: 'verifyBankCard',
        input: ({ context, event }) => ({
          deps: context.deps,
          pin: (event as Extract<typeof event, { type: 'pinEntered' }>).pin,
        }),
        onDone: [
          { guard: 'severalAccounts', target: 'chooseAccount', actions: 'takeAccounts' },
          { target: 'cardBack', actions: ['takeAccounts', 'journalAccountIdentified'] },
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
          { target: 'cardBack', actions: ['showBankFailure', 'journalHostError'] },
        ],
      },
    },
    chooseAccount: {
      tags: ['takesKeys'],
      meta: { screen: 'chooseAccount' },
      on: {
        digit: {
          guard: 'accountChosen',
          target: 'cardBack',
          actions: ['pickAccount', 'journalAccountIdentified'],
        },
        chooseAccount: {
          guard: 'accountChosen',
          target: 'cardBack',
          actions: ['pickAccount', 'journalAccountIdentified'],
        },
      },
    },
    // The card goes back to its owner now; embedded (hand-off), it stays for the ATM's application.
    cardBack: {
      always: [{ guard: 'handsCardBack', target: 'afterCard' }, { target: 'returningCard' }],
    },
    returningCard: {
      meta: { screen: 'takeCard' },
      // The card is on its way out: leaving now would leave it behind.
      on: { cancel: {}, timeout: {}, serviceLost: {} },
      invoke: {
        src: 'returnCard',
        input: ({ context }) => ({ deps: context.deps }),
        onDone: [
          // Not taken in time: that is all there is to say (not what the bank said before).
          { guard: 'cardRetained', target: 'retained', actions: 'clearError' },
          { guard: 'cardStuck', target: 'failed', actions: 'showCardNotReturned' },
          { target: 'afterCard' },
        ],
        onError: { target: 'failed', actions: 'showCardNotReturned' },
      },
    },
    /** Once the card is dealt with: what the bank said, the balance, or the end of the visit. */
    afterCard: {
      always: [
        { guard: 'hasError', target: 'failed' },
        // The kiosk went out of service while the bank answered or the card came back.
        { guard: not('inService'), target: 'failed', actions: 'showOutOfService' },
        { guard: 'accountPicked', target: 'loadingBalance' },
        { target: THANK_YOU },
      ],
    },
    loadingBalance: {
      meta: { screen: 'loading' },
      // The card is already back (or with the ATM's application): leaving ends the visit.
      on: {
        cancel: THANK_YOU,
        timeout: THANK_YOU,
        auditFailed: '#session.attract',
        serviceLost: { target: 'failed', actions: 'showOutOfService' },
      },
      invoke: {
        src: 'accountBalance',
        input: ({ context }) => ({ deps: context.deps, account: context.account! }),
        onDone: { target: SERVED, actions: ['acceptAccountBalance', 'journalVerified'] },
        onError: { target: 'failed', actions: ['showHostFailure', 'journalHostError'] },
      },
    },
    retaining: {
      meta: { screen: 'loading' },
      on: { cancel: {}, timeout: {}, serviceLost: {} },
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
      on: {
        enter: THANK_YOU,
        finish: THANK_YOU,
        cancel: THANK_YOU,
        timeout: THANK_YOU,
        serviceLost: {},
      },
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
        serviceLost: {},
      },
    },
  },
});
