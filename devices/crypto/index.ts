export { fromHex, toHex, xor, wipe } from './bytes';
export {
  aesDecryptBlock,
  aesEncryptBlock,
  desDecryptBlock,
  desEncryptBlock,
} from './block-ciphers';
export { decodeIso0PinBlock, encodeIso0PinBlock } from './pin-block-iso0';
export {
  decipherIso4PinBlock,
  decipherIso4PinField,
  encipherIso4PinBlock,
  iso4PanField,
  iso4PinField,
  parseIso4PinField,
} from './pin-block-iso4';
export {
  deriveTdesIpek,
  deriveTdesPinKey,
  deriveTdesPinKeyFromBdk,
  deriveTdesTransactionKey,
  isValidTdesCounter,
  nextTdesKsn,
  tdesKsnCounter,
  withTdesKsnCounter,
} from './dukpt-tdes';
export {
  aesKsn,
  aesKsnCounter,
  deriveAesInitialKey,
  deriveAesPinKeyFromBdk,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  isValidAesCounter,
  nextAesKsn,
} from './dukpt-aes';
export type { AesDukptKeyType, AesDukptKeyUsage } from './dukpt-aes';
