import type { EntryView, SessionView } from '../../../core/common/api';
import { formatRupiah, type Locale } from '../../../core/common/domain/format';
import type { Messages } from '../i18n/i18n';

/**
 * The sentence a person reads for an error code, with the next step where there is one.
 * `field` is the entry field on screen (what an incomplete entry is missing).
 */
export function errorMessage(
  t: Messages,
  error: SessionView['error'],
  field: EntryView['field'] | null = null,
  locale: Locale = 'id-ID',
): string | null {
  if (!error) return null;
  const bounds = error.bounds ?? { min: 0, max: 0 };
  switch (error.code) {
    case 'invalidKpj':
      return t.errorInvalidKpj;
    case 'invalidBirthDate':
      return t.errorInvalidBirthDate;
    case 'otpFailed':
      return t.errorOtpFailed(error.attemptsLeft ?? 0);
    case 'otpExpired':
      return t.errorOtpExpired;
    case 'otpTooSoon':
      return t.errorOtpTooSoon;
    case 'notFound':
      return t.errorNotFound;
    case 'verificationFailed':
      return t.errorVerificationFailed(error.attemptsLeft ?? 0);
    case 'hostUnavailable':
      return t.errorHostUnavailable;
    case 'hostTimeout':
      return t.errorHostTimeout;
    case 'hostMalformed':
      return t.errorHostMalformed;
    case 'sessionExpired':
      return t.errorSessionExpired;
    case 'entryIncomplete':
      return t.errorEntryIncomplete(field ?? 'kpj', error.missingDigits ?? 0);
    case 'birthDateInFuture':
      return t.errorBirthDateInFuture;
    case 'birthDateAgeOutOfRange':
      return t.errorBirthDateAge(bounds.min, bounds.max);
    case 'wageOutOfRange':
      return t.errorWageOutOfRange(
        formatRupiah(bounds.min, locale),
        formatRupiah(bounds.max, locale),
      );
    case 'yearsOutOfRange':
      return t.errorYearsOutOfRange(bounds.min, bounds.max);
    case 'cardNotKpj':
      return t.errorCardNotKpj;
    case 'cardUnreadable':
      return t.errorCardUnreadable;
    case 'scanNotKpj':
      return t.errorScanNotKpj;
    case 'pinWrong':
      return t.errorPinWrong(error.attemptsLeft ?? 0);
    case 'cardBlocked':
      return t.errorCardBlocked;
    case 'pinTriesExceeded':
      return t.errorPinTriesExceeded;
    case 'noKpjLinked':
      return t.errorNoKpjLinked;
    case 'pinPadUnavailable':
      return t.errorPinPadUnavailable;
    case 'cardNotReturned':
      return t.errorCardNotReturned;
    case 'cardNotAccepted':
      return t.errorCardNotAccepted;
    case 'outOfService':
      return t.errorOutOfService;
  }
}
