import type { SessionView } from '../../../core/common/api';
import { formatRupiah } from '../../../core/common/domain/format';
import type { Messages } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { printerProblemText } from './printer-problem';

/** What voice guidance says on each screen: the prompt, then the one thing to do next. */
export function spokenText(t: Messages, view: SessionView): string {
  const locale = view.language === 'en' ? 'en-ID' : 'id-ID';
  const error = errorMessage(t, view.error);
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
      return `${t.balanceTitle}: ${formatRupiah(b.jht.closingBalance, locale)}. ${t.membershipStatus}: ${status}. ${t.menuHint} 1: ${t.menuHistory}. 2: ${t.menuProjection}. 3: ${t.menuPrint}.`;
    }
    case 'history':
      return t.historyTitle;
    case 'projection':
      return view.projection
        ? `${t.projectionResult(view.projection.years)}: ${formatRupiah(view.projection.finalBalance, locale)}. ${t.projectionDisclaimer}`
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
    case 'thankYou':
      return view.takeCard ? `${t.takeCard} ${t.thankYouTitle}` : t.thankYouTitle;
    case 'technicianPin':
    case 'technician':
      return '';
  }
}
