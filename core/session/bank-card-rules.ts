import type { ErrorCode } from '../common/api';
import type { HostFailure } from '../host/host-client';
import { hostErrorCode } from './host-steps';

/** What the person at the ATM is told about the bank's answer to the card PIN. */
export function bankErrorCode(failure: HostFailure): ErrorCode {
  switch (failure.kind) {
    case 'verificationFailed':
      return 'pinWrong';
    case 'cardBlocked':
      return 'cardBlocked';
    case 'pinTriesExceeded':
      return 'pinTriesExceeded';
    case 'noKpjLinked':
      return 'noKpjLinked';
    case 'notFound':
      // The bank does not know the card: for the person it is a card the service cannot take.
      return 'cardBlocked';
    default:
      return hostErrorCode(failure);
  }
}
