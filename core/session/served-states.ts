import { verifiedOf } from './session-context';
import { entryFieldEvents } from './entry-field';
import { menuKeys, sessionSetup } from './session-setup';

const THANK_YOU = '#session.thankYou';
const BALANCE = '#session.visit.served.balance';

/**
 * After verification: the balance and what the person can do from it. Each step has a number
 * for every choice, so the 12-key pin pad alone reaches everything; `finish` ends the visit.
 */
export const servedStates = sessionSetup.createStateConfig({
  initial: 'balance',
  entry: 'journalBalanceShown',
  on: { finish: THANK_YOU },
  states: {
    balance: {
      tags: ['takesKeys'],
      meta: { screen: 'balance', menu: 'balance' },
      on: {
        ...menuKeys('balance'),
        showHistory: 'history',
        showProjection: 'projection',
        printReceipt: { guard: 'printerReady', target: 'printing' },
        enter: THANK_YOU,
      },
    },
    history: {
      initial: 'choose',
      entry: 'showFirstHistoryPage',
      on: { back: 'balance', enter: 'balance' },
      states: {
        choose: {
          always: [{ guard: 'historyKnown', target: 'shown' }, { target: 'loading' }],
        },
        loading: {
          tags: ['takesKeys'],
          meta: { screen: 'history' },
          entry: 'startHistoryLoad',
          invoke: {
            src: 'contributions',
            input: ({ context }) => ({ deps: context.deps, token: verifiedOf(context).token }),
            onDone: { target: 'shown', actions: 'keepHistory' },
            onError: { target: 'failed', actions: 'markHistoryFailed' },
          },
        },
        shown: {
          tags: ['takesKeys'],
          meta: { screen: 'history', menu: 'history' },
          on: { ...menuKeys('history'), historyPage: { actions: 'turnHistoryPage' } },
        },
        failed: {
          tags: ['takesKeys'],
          meta: { screen: 'history', menu: 'historyFailed' },
          on: { ...menuKeys('historyFailed'), retryHistory: 'loading' },
        },
      },
    },
    projection: {
      initial: 'shown',
      states: {
        shown: {
          tags: ['takesKeys'],
          meta: { screen: 'projection', menu: 'projection' },
          entry: 'stopEditing',
          on: {
            ...menuKeys('projection'),
            editProjection: { guard: 'fieldEditable', target: 'editing', actions: 'editField' },
            back: BALANCE,
            enter: BALANCE,
          },
        },
        editing: {
          tags: ['takesKeys'],
          meta: { screen: 'projection', field: 'projection' },
          exit: 'leaveField',
          on: {
            ...entryFieldEvents({ field: 'projection' as const }),
            enter: [
              {
                guard: 'projectionEditAcceptable',
                target: 'shown',
                actions: 'applyProjectionEdit',
              },
              { actions: 'refuseProjectionEdit' },
            ],
            editProjection: { guard: 'fieldEditable', actions: 'editField' },
            back: 'shown',
          },
        },
      },
    },
    printing: {
      tags: ['takesKeys'],
      meta: { screen: 'printing' },
      entry: 'issueReceiptReference',
      exit: 'journalReceipt',
      invoke: {
        src: 'print',
        input: ({ context }) => ({
          deps: context.deps,
          summary: verifiedOf(context).summary,
          meta: {
            reference: context.receiptReference ?? '',
            language: context.language,
            printedAt: context.deps.now(),
          },
        }),
        onDone: [
          { guard: 'printed', target: 'takeReceipt' },
          { target: 'printFailed', actions: 'rememberPrintProblem' },
        ],
        onError: { target: 'printFailed', actions: 'rememberPrintProblem' },
      },
    },
    takeReceipt: {
      tags: ['takesKeys'],
      meta: { screen: 'takeReceipt' },
      after: { takeReceipt: 'anotherTransaction' },
      on: { enter: 'anotherTransaction', finish: 'anotherTransaction' },
    },
    printFailed: {
      tags: ['takesKeys'],
      meta: { screen: 'printFailed' },
      on: { back: 'balance', enter: 'balance' },
    },
    anotherTransaction: {
      tags: ['takesKeys'],
      meta: { screen: 'anotherTransaction', menu: 'anotherTransaction' },
      on: {
        ...menuKeys('anotherTransaction'),
        answer: [{ guard: 'answeredYes', target: 'balance' }, { target: THANK_YOU }],
      },
    },
  },
});
