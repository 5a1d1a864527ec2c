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
      return 'cardNotAccepted';
    default:
      return hostErrorCode(failure);
  }
}
