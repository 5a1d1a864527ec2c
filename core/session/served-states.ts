import { verifiedOf } from './session-context';
import { HISTORY_RETRY_KEY } from './history-pages';
import { entryFieldEvents } from './entry-field';
import { and, sessionSetup } from './session-setup';

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
      meta: { screen: 'balance' },
      on: {
        showHistory: 'history',
        showProjection: 'projection',
        printReceipt: { guard: 'printerReady', target: 'printing' },
        digit: [
          { guard: { type: 'digitIs', params: { digit: '1' } }, target: 'history' },
          { guard: { type: 'digitIs', params: { digit: '2' } }, target: 'projection' },
          {
            guard: and([{ type: 'digitIs', params: { digit: '3' } }, 'printerReady']),
            target: 'printing',
          },
        ],
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
          meta: { screen: 'history' },
          on: {
            historyPage: { actions: 'turnHistoryPage' },
            digit: { guard: 'historyPageKey', actions: 'turnHistoryPage' },
          },
        },
        failed: {
          tags: ['takesKeys'],
          meta: { screen: 'history' },
          on: {
            retryHistory: 'loading',
            digit: {
              guard: { type: 'digitIs', params: { digit: HISTORY_RETRY_KEY } },
              target: 'loading',
            },
          },
        },
      },
    },
    projection: {
      initial: 'shown',
      states: {
        shown: {
          tags: ['takesKeys'],
          meta: { screen: 'projection' },
          entry: 'stopEditing',
          on: {
            editProjection: { guard: 'fieldEditable', target: 'editing', actions: 'editField' },
            digit: [
              {
                guard: { type: 'digitIs', params: { digit: '1' } },
                target: 'editing',
                actions: { type: 'editField', params: { field: 'wage' } },
              },
              {
                guard: and([
                  { type: 'digitIs', params: { digit: '2' } },
                  { type: 'fieldEditable', params: { field: 'years' as const } },
                ]),
                target: 'editing',
                actions: { type: 'editField', params: { field: 'years' } },
              },
            ],
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
      meta: { screen: 'anotherTransaction' },
      on: {
        answer: [{ guard: 'answeredYes', target: 'balance' }, { target: THANK_YOU }],
        digit: [
          { guard: { type: 'digitIs', params: { digit: '1' } }, target: 'balance' },
          { guard: { type: 'digitIs', params: { digit: '2' } }, target: THANK_YOU },
        ],
      },
    },
  },
});
