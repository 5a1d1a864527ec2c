import type {
  Language,
  MenuItemView,
  MenuLabel,
  MenuReason,
  MenuView,
  PrintAvailability,
} from '../../../core/common/api';
import { messagesFor, type Messages } from '../i18n/i18n';
import { printerProblemText } from './printer-problem';

/**
 * The words for the brain's numbered menus (the view's `menu`): which number does what, and
 * whether it can be chosen now, come from the brain; only the words are the renderer's.
 */
export function menuLabelText(t: Messages, label: MenuLabel): string {
  switch (label) {
    // Each language is named in itself, whatever the screen's language.
    case 'languageId':
      return messagesFor('id').languageName;
    case 'languageEn':
      return messagesFor('en').languageName;
    case 'voiceOnOff':
      return t.keypadLegendVoice;
    case 'history':
      return t.menuHistory;
    case 'projection':
      return t.menuProjection;
    case 'print':
      return t.menuPrint;
    case 'yes':
      return t.yes;
    case 'no':
      return t.no;
    case 'changeWage':
      return `${t.projectionChange} ${t.projectionWage}`;
    case 'changeYears':
      return `${t.projectionChange} ${t.projectionYears}`;
    case 'historyPrevious':
      return t.historyPrevious;
    case 'historyNext':
      return t.historyNext;
    case 'historyRetry':
      return t.tryAgain;
  }
}

/** The language a label is in when it is not the screen's (a language's own name). */
export function menuLabelLanguage(label: MenuLabel): Language | undefined {
  if (label === 'languageId') return 'id';
  if (label === 'languageEn') return 'en';
  return undefined;
}

/** What choosing it does, where the label alone does not say it (which months a page shows). */
export function menuLabelHint(t: Messages, label: MenuLabel): string | null {
  if (label === 'historyPrevious') return t.historyPreviousWhat;
  if (label === 'historyNext') return t.historyNextWhat;
  return null;
}

/** Why printing is not possible now, in words (a kiosk without a printer counts as offline). */
export function printReasonText(t: Messages, reason: PrintAvailability['reason']): string {
  return printerProblemText(t, reason === 'absent' ? 'offline' : reason);
}

/** Why an item cannot be chosen now. */
export function menuReasonText(t: Messages, reason: MenuReason): string {
  if (reason === 'newestPage') return t.historyAtNewest;
  if (reason === 'oldestPage') return t.historyAtOldest;
  return printReasonText(t, reason);
}

/** A button's second line: what it does, or why it cannot be chosen now. */
export function menuItemDetail(t: Messages, item: MenuItemView): string | null {
  return item.reason ? menuReasonText(t, item.reason) : menuLabelHint(t, item.label);
}

/**
 * An item as voice guidance says it: `1: Rincian Iuran.` (with what it does, if the label needs
 * it: `6: Berikutnya, bulan lebih lama.`). An item that cannot be chosen is not offered; for the
 * receipt the reason is said instead, when there is a printer to speak of.
 */
export function spokenMenuItem(t: Messages, item: MenuItemView, print: PrintAvailability): string {
  if (item.enabled) {
    const hint = menuLabelHint(t, item.label);
    return `${item.key}: ${menuLabelText(t, item.label)}${hint ? `, ${hint}` : ''}.`;
  }
  if (item.label === 'print' && print.notice === 'unavailable')
    return `${t.printUnavailable}: ${printReasonText(t, print.reason)}`;
  return '';
}

/** The whole menu as spoken, item after item. */
export function spokenMenu(t: Messages, menu: MenuView | null, print: PrintAvailability): string {
  return (menu?.items ?? [])
    .map((item) => spokenMenuItem(t, item, print))
    .filter(Boolean)
    .join(' ');
}
