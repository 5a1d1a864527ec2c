import type { SessionView } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';

/** The sentence a person reads for an error code, with the next step where there is one. */
export function errorMessage(t: Messages, error: SessionView['error']): string | null {
  if (!error) return null;
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
  }
}
