import type { CompletionCode } from '../common/device';
import type { XfsCompletionCode } from './envelope';

/**
 * A service's header completion code in the kiosk's words. The class-specific `errorCode` of a
 * `commandErrorCode` completion (mediaJam, noMedia, ...) is each driver's to read.
 */
export function kioskCompletionCode(code: XfsCompletionCode): CompletionCode {
  switch (code) {
    case 'success':
    case 'canceled':
    case 'deviceNotReady':
    case 'hardwareError':
    case 'invalidData':
    case 'unsupportedCommand':
    case 'timeOut':
      return code;
    case 'unsupportedData':
    case 'invalidCommand':
      return 'unsupportedCommand';
    case 'userError':
    case 'sequenceError':
    case 'invalidRequestID':
      return 'invalidData';
    default:
      // fraudAttempt, internalError, token and nonce failures, notEnoughSpace, commandErrorCode
      // without a class code: the device cannot be used for this; a technician must look.
      return 'hardwareError';
  }
}
