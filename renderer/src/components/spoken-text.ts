import type { Language, SessionView } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';
import { errorMessage } from './error-message';
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
  const printer = view.devices.printer;
  if (printer === 'absent') return '';
  if (printer === 'ready' || printer === 'paperLow') return `3: ${t.menuPrint}.`;
  return `${t.printUnavailable}: ${printerProblemText(t, view.devices.printerProblem)}`;
}

/** What voice guidance says on each screen: the prompt, then the one thing to do next. */
export function spokenText(t: Messages, view: SessionView): string {
  const money = (amount: number) => spokenRupiah(amount, view.language);
  const error = errorMessage(t, view.error);
  if (view.idle.warning && view.idle.secondsLeft !== null)
    return `${t.idleTitle}. ${t.idleBody(view.idle.secondsLeft)} ${t.idleSpokenHint}`;
  switch (view.screen) {
    case 'attract':
      return `${t.attractTitle}. ${t.attractHint} ${t.attractKeypadHint}`;
    case 'enterKpj':
      return [t.enterKpjTitle, error ?? t.enterKpjHelp, t.speechKeypadHint].join('. ');
    case 'enterBirthDate':
      return [t.enterBirthDateTitle, error ?? t.enterBirthDateHelp].join('. ');
    case 'enterOtp':
      return [
        t.enterOtpTitle,
        view.otp ? t.otpSentTo(view.otp.maskedDestination) : '',
        error ?? '',
      ].join('. ');
    case 'loading':
      return t.loading;
    case 'balance': {
      const b = view.balance;
      if (!b) return '';
      const status = b.membershipStatus === 'active' ? t.statusActive : t.statusInactive;
      const print = spokenPrintOption(t, view);
      return `${t.balanceTitle}: ${money(b.jht.closingBalance)}. ${t.jhtExplainer} ${t.membershipStatus}: ${status}. ${t.menuHint} 1: ${t.menuHistory}. 2: ${t.menuProjection}.${print ? ` ${print}` : ''}`;
    }
    case 'history':
      return t.historyTitle;
    case 'projection':
      return view.projection
        ? `${t.projectionResult(view.projection.years)}: ${money(view.projection.finalBalance)}. ${t.projectionDisclaimer}`
        : t.projectionTitle;
    case 'printing':
      return t.printingBody;
    case 'takeReceipt':
      return t.takeReceiptTitle;
    case 'printFailed':
      return `${t.printFailedTitle}. ${printerProblemText(t, view.printProblem)}`;
    case 'anotherTransaction':
      return `${t.anotherTitle} 1: ${t.yes}. 2: ${t.no}.`;
    case 'error':
      return `${t.errorTitle}. ${error ?? ''}`;
    case 'locked':
      return t.lockedTitle;
    case 'outOfService':
      return `${t.outOfServiceTitle}. ${t.outOfServiceBody}`;
    case 'thankYou':
      return view.takeCard ? `${t.takeCard} ${t.thankYouTitle}` : t.thankYouTitle;
    case 'technicianPin':
    case 'technician':
      return '';
  }
}
