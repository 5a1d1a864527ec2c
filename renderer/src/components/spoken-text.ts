import type { HistoryView, Language, SessionView } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';
import { attractText, languageSwitchable } from './branding-words';
import { errorMessage } from './error-message';
import { menuLabelText, spokenMenu, spokenMenuItem } from './menu-words';
import { printerProblemText } from './printer-problem';

/**
 * An amount as a voice reads it well: digits grouped the way the voice's own language groups
 * them (an English voice reads "33.146.852" as a decimal), then the word "rupiah" (not "Rp").
 */
export function spokenRupiah(amount: number, language: Language): string {
  const grouped = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID', {
    maximumFractionDigits: 0,
  }).format(Math.round(amount));
  return `${grouped} rupiah`;
}

/** The balance menu's print item as spoken: how to print, or why it cannot (nothing: no printer). */
export function spokenPrintOption(t: Messages, view: SessionView): string {
  const item = view.menu?.items.find((i) => i.label === 'print');
  return item ? spokenMenuItem(t, item, view.print) : '';
}

/** The start screen's keypad legend as spoken: Enter, the menu's numbers, then `#` and `*`. */
function spokenKeypadLegend(t: Messages, view: SessionView): string {
  const keys = (view.menu?.items ?? []).map((i) => `${i.key} ${menuLabelText(t, i.label)}`);
  const language = languageSwitchable(view) ? [t.keypadSpokenLanguage] : [];
  return `${[t.keypadSpokenStart, ...keys, t.keypadSpokenRepeat, ...language].join(', ')}.`;
}

/** A `YYYY-MM` month as a voice reads it: "Oktober 2026", not "10-2026". */
export function spokenMonth(yearMonth: string, language: Language): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
}

/** The history page read out: which months, each month's JHT and JP, then the keys that page. */
export function spokenHistory(
  t: Messages,
  history: HistoryView,
  language: Language,
  menu: string,
): string {
  if (history.loading) return `${t.historyTitle}. ${t.historyLoading}`;
  if (history.failed)
    return `${t.historyTitle}. ${t.historyFailed} ${t.historyFailedHelp} ${menu}`.trimEnd();
  if (!history.newestMonth || !history.oldestMonth) return `${t.historyTitle}. ${t.historyEmpty}`;
  const month = (m: string) => spokenMonth(m, language);
  const rows = history.rows.map((row) =>
    row.paid
      ? t.historySpokenRow(
          month(row.month),
          spokenRupiah(row.jht, language),
          spokenRupiah(row.jp, language),
        )
      : `${month(row.month)}: ${t.noContributionMark}.`,
  );
  const { number, count } = history.page;
  const subtitle = t.historySubtitle(
    month(history.newestMonth),
    month(history.oldestMonth),
    number,
    count,
  );
  return [`${t.historyTitle}. ${subtitle}.`, ...rows, menu].filter(Boolean).join(' ');
}

/** What voice guidance says on each screen: the prompt, then the one thing to do next. */
export function spokenText(t: Messages, view: SessionView): string {
  const money = (amount: number) => spokenRupiah(amount, view.language);
  const error = errorMessage(
    t,
    view.error,
    view.entry?.field ?? null,
    view.language === 'en' ? 'en-ID' : 'id-ID',
  );
  // A card or scan read: confirmed without its digits (the screen shows them masked).
  const cardRead = view.identity && view.identity.method !== 'keypad' ? `${t.cardReadSpoken} ` : '';
  const menu = spokenMenu(t, view.menu, view.print);
  if (view.idle.warning && view.idle.secondsLeft !== null)
    return `${t.idleTitle}. ${t.idleBody(view.idle.secondsLeft)} ${t.idleSpokenHint}`;
  switch (view.screen) {
    case 'attract':
      if (view.identifyBy.bankCard)
        return `${error ? `${error} ` : ''}${t.attractAtmTitle}. ${t.attractAtmHint}`;
      return `${error ? `${error} ` : ''}${attractText(view, t).title}. ${t.attractHint} ${spokenKeypadLegend(t, view)}`;
    case 'enterKpj':
      return [t.enterKpjTitle, error ?? t.enterKpjHelp, t.speechKeypadHint].join('. ');
    case 'enterBirthDate':
      return cardRead + [t.enterBirthDateTitle, error ?? t.enterBirthDateHelp].join('. ');
    case 'enterOtp':
      return [
        t.enterOtpTitle,
        view.otp ? t.otpSentTo(view.otp.maskedDestination) : '',
        error ?? '',
      ].join('. ');
    case 'loading':
      return cardRead + t.loading;
    case 'balance': {
      const b = view.balance;
      if (!b) return '';
      const status = b.membershipStatus === 'active' ? t.statusActive : t.statusInactive;
      return `${t.balanceTitle}: ${money(b.jht.closingBalance)}. ${t.jhtExplainer} ${t.membershipStatus}: ${status}. ${t.menuHint} ${menu}`.trimEnd();
    }
    case 'history':
      return view.history ? spokenHistory(t, view.history, view.language, menu) : t.historyTitle;
    case 'projection':
      return view.projection
        ? [
            error,
            `${t.projectionResult(view.projection.years, view.projection.ageAtEnd)}: ${money(view.projection.finalBalance)}.`,
            view.projection.contributionsStopped ? t.projectionNoContributions : null,
            t.projectionDisclaimer,
          ]
            .filter(Boolean)
            .join(' ')
        : t.projectionTitle;
    case 'printing':
      return t.printingBody;
    case 'takeReceipt':
      return t.takeReceiptTitle;
    case 'printFailed':
      return `${t.printFailedTitle}. ${printerProblemText(t, view.printProblem)}`;
    case 'anotherTransaction':
      return `${t.anotherTitle} ${menu}`.trimEnd();
    case 'error':
      return `${t.errorTitle}. ${error ?? ''}`;
    case 'locked':
      return t.lockedTitle;
    case 'outOfService':
      return `${t.outOfServiceTitle}. ${t.outOfServiceBody}`;
    case 'screenOff':
      return t.screenOffBody;
    case 'thankYou':
      if (view.takeCard) return `${t.takeCard} ${t.thankYouTitle}`;
      return view.handBack ? `${t.thankYouTitle} ${t.handBackBody}` : t.thankYouTitle;
    case 'enterPin':
      return [t.enterPinTitle, error ?? t.enterPinHelp, t.pinCancelHint].join('. ');
    case 'chooseAccount':
      return [
        t.chooseAccountTitle,
        t.chooseAccountHelp,
        ...(view.accounts ?? []).map((account, index) =>
          t.accountSpoken(String(index + 1), account.maskedKpj.slice(-4), account.employer),
        ),
        t.mergeHint,
      ].join('. ');
    case 'takeCard':
      return `${t.takeCardTitle}. ${t.takeCardBody}`;
    case 'cardRetained':
      return `${t.cardRetainedTitle}. ${error ? `${error} ${t.cardRetainedByBank}` : t.cardRetainedNotTaken}`;
    case 'technicianPin':
    case 'technician':
      return '';
  }
}
