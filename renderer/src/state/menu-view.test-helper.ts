import type {
  MenuItemView,
  MenuView,
  PrintAvailability,
  PrinterProblem,
  SessionView,
} from '../../../core/common/api';

/**
 * The menus as the brain's view carries them (core/session/menus.ts defines them; the renderer
 * may not import it), for tests of what the renderer says and shows: fixtures, not rules.
 */
const item = (
  key: string,
  label: MenuItemView['label'],
  intent: MenuItemView['intent'],
  reason?: MenuItemView['reason'],
): MenuItemView =>
  reason ? { key, intent, label, enabled: false, reason } : { key, intent, label, enabled: true };

export const attractMenu = (): MenuView => ({
  name: 'attract',
  items: [
    item('1', 'languageId', { type: 'chooseLanguage', language: 'id' }),
    item('2', 'languageEn', { type: 'chooseLanguage', language: 'en' }),
    item('3', 'voiceOnOff', { type: 'voice', command: 'on' }),
  ],
});

/** What the view says about printing, and the balance menu to go with it. */
export function balanceWithPrinter(
  printer: 'ready' | 'paperLow' | 'absent' | PrinterProblem,
  printKey = '3',
): Pick<SessionView, 'menu' | 'print'> {
  const print: PrintAvailability =
    printer === 'ready' || printer === 'paperLow'
      ? { canPrint: true, reason: null, notice: printer === 'paperLow' ? 'paperLow' : null }
      : { canPrint: false, reason: printer, notice: printer === 'absent' ? null : 'unavailable' };
  return {
    print,
    menu: {
      name: 'balance',
      items: [
        item('1', 'history', { type: 'showHistory' }),
        item('2', 'projection', { type: 'showProjection' }),
        item(printKey, 'print', { type: 'printReceipt' }, print.reason ?? undefined),
      ],
    },
  };
}

export const anotherTransactionMenu = (): MenuView => ({
  name: 'anotherTransaction',
  items: [
    item('1', 'yes', { type: 'answer', yes: true }),
    item('2', 'no', { type: 'answer', yes: false }),
  ],
});

/** The history's paging keys on page `number` of `count` (none for a single page). */
export const historyMenu = (number: number, count: number): MenuView => ({
  name: 'history',
  items:
    count > 1
      ? [
          item(
            '4',
            'historyPrevious',
            { type: 'historyPage', direction: 'previous' },
            number <= 1 ? 'newestPage' : undefined,
          ),
          item(
            '6',
            'historyNext',
            { type: 'historyPage', direction: 'next' },
            number >= count ? 'oldestPage' : undefined,
          ),
        ]
      : [],
});

export const historyFailedMenu = (): MenuView => ({
  name: 'historyFailed',
  items: [item('1', 'historyRetry', { type: 'retryHistory' })],
});
