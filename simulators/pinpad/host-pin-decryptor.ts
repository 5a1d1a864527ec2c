import { desDecryptBlock } from '../../devices/crypto/block-ciphers';
import { fromHex } from '../../devices/crypto/bytes';
import { deriveAesPinKeyFromBdk } from '../../devices/crypto/dukpt-aes';
import { deriveTdesPinKeyFromBdk } from '../../devices/crypto/dukpt-tdes';
import { decodeIso0PinBlock } from '../../devices/crypto/pin-block-iso0';
import { decipherIso4PinBlock } from '../../devices/crypto/pin-block-iso4';
import type { PinEntryResult } from '../../devices/pinpad/pinpad';
import { TEST_KEYS } from './pinpad-simulator';

/**
 * What the issuer's host (its HSM) does with a PIN block from the pin pad: derive the DUKPT
 * PIN key from the BDK and the KSN, decipher, and read the PIN. For tests and the host
 * simulator only; a kiosk never holds a BDK.
 */
export function recoverPin(
  result: Pick<PinEntryResult, 'pinBlock' | 'ksn' | 'format'>,
  pan: string,
  keys: { tdesBdk: string; aesBdk: string } = TEST_KEYS,
): string {
  const ksn = fromHex(result.ksn);
  const block = fromHex(result.pinBlock);
  if (result.format === 0) {
    const pinKey = deriveTdesPinKeyFromBdk(fromHex(keys.tdesBdk), ksn);
    return decodeIso0PinBlock(desDecryptBlock(pinKey, block), pan);
  }
  return decipherIso4PinBlock(deriveAesPinKeyFromBdk(fromHex(keys.aesBdk), ksn), block, pan);
}
