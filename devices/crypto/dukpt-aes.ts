import { aesEncryptBlock } from './block-ciphers';

/**
 * ANSI X9.24-3:2017 AES DUKPT.
 * KSN: 12 bytes = 8-byte initial key ID (4-byte BDK ID || 4-byte derivation ID) || 32-bit
 * transaction counter with at most 16 one bits.
 */

export const AES_KSN_LENGTH = 12;
export const AES_INITIAL_KEY_ID_LENGTH = 8;
const MAX_ONE_BITS = 16;
const MAX_COUNTER = 0xffffffff;

export type AesDukptKeyType = 'aes128' | 'aes192' | 'aes256';
export type AesDukptKeyUsage =
  | 'keyEncryptionKey'
  | 'pinEncryption'
  | 'macGeneration'
  | 'macVerification'
  | 'macBoth'
  | 'dataEncrypt'
  | 'dataDecrypt'
  | 'dataBoth';

const KEY_USAGE: Record<AesDukptKeyUsage | 'keyDerivation' | 'initialKey', number> = {
  keyEncryptionKey: 0x0002,
  pinEncryption: 0x1000,
  macGeneration: 0x2000,
  macVerification: 0x2001,
  macBoth: 0x2002,
  dataEncrypt: 0x3000,
  dataDecrypt: 0x3001,
  dataBoth: 0x3002,
  keyDerivation: 0x8000,
  initialKey: 0x8001,
};

const ALGORITHM: Record<AesDukptKeyType, { id: number; bits: number }> = {
  aes128: { id: 0x0002, bits: 128 },
  aes192: { id: 0x0003, bits: 192 },
  aes256: { id: 0x0004, bits: 256 },
};

function keyTypeOf(key: Uint8Array): AesDukptKeyType {
  if (key.length === 16) return 'aes128';
  if (key.length === 24) return 'aes192';
  if (key.length === 32) return 'aes256';
  throw new Error('AES DUKPT keys are 16, 24 or 32 bytes');
}

function assertKsn(ksn: Uint8Array): void {
  if (ksn.length !== AES_KSN_LENGTH) throw new Error('AES KSN must be 12 bytes');
}

/** X9.24-3 6.3: derivation data block, AES-ECB enciphered once per 16 bytes of output. */
function deriveKey(
  key: Uint8Array,
  usage: number,
  keyType: AesDukptKeyType,
  ksnData: Uint8Array,
): Buffer {
  const { id, bits } = ALGORITHM[keyType];
  const data = Buffer.alloc(16);
  data[0] = 0x01; // version
  data.writeUInt16BE(usage, 2);
  data.writeUInt16BE(id, 4);
  data.writeUInt16BE(bits, 6);
  Buffer.from(ksnData).copy(data, 8);
  const blocks: Buffer[] = [];
  for (let counter = 1; blocks.length * 16 < bits / 8; counter++) {
    data[1] = counter; // key block counter
    blocks.push(aesEncryptBlock(key, data));
  }
  return Buffer.concat(blocks).subarray(0, bits / 8);
}

function counterData(ksn: Uint8Array, counter: number): Buffer {
  const data = Buffer.alloc(8);
  Buffer.from(ksn.subarray(4, 8)).copy(data, 0);
  data.writeUInt32BE(counter >>> 0, 4);
  return data;
}

export function aesKsnCounter(ksn: Uint8Array): number {
  assertKsn(ksn);
  return Buffer.from(ksn).readUInt32BE(8);
}

export function aesKsn(initialKeyId: Uint8Array, counter: number): Buffer {
  if (initialKeyId.length !== AES_INITIAL_KEY_ID_LENGTH) {
    throw new Error('AES initial key ID must be 8 bytes');
  }
  const out = Buffer.alloc(AES_KSN_LENGTH);
  Buffer.from(initialKeyId).copy(out);
  out.writeUInt32BE(counter >>> 0, 8);
  return out;
}

function oneBits(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v = (v & (v - 1)) >>> 0) count++;
  return count;
}

export function isValidAesCounter(counter: number): boolean {
  return counter > 0 && counter <= MAX_COUNTER && oneBits(counter) <= MAX_ONE_BITS;
}

/** The KSN of the next transaction, or undefined once the counter is exhausted. */
export function nextAesKsn(ksn: Uint8Array): Buffer | undefined {
  let counter = aesKsnCounter(ksn) + 1;
  while (counter <= MAX_COUNTER && oneBits(counter) > MAX_ONE_BITS) {
    counter += (counter & -counter) >>> 0;
  }
  return counter > MAX_COUNTER ? undefined : aesKsn(ksn.subarray(0, 8), counter);
}

/** Initial key from the BDK and the 8-byte initial key ID (X9.24-3 6.3.3). */
export function deriveAesInitialKey(bdk: Uint8Array, initialKeyId: Uint8Array): Buffer {
  if (initialKeyId.length !== AES_INITIAL_KEY_ID_LENGTH) {
    throw new Error('AES initial key ID must be 8 bytes');
  }
  return deriveKey(bdk, KEY_USAGE.initialKey, keyTypeOf(bdk), initialKeyId);
}

/** Intermediate derivation key for the KSN's counter, walking its one bits from the top. */
export function deriveAesTransactionKey(initialKey: Uint8Array, ksn: Uint8Array): Buffer {
  const keyType = keyTypeOf(initialKey);
  const counter = aesKsnCounter(ksn);
  let key: Buffer = Buffer.from(initialKey);
  let set = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if ((counter & bit) === 0) continue;
    set = (set | bit) >>> 0;
    key = deriveKey(key, KEY_USAGE.keyDerivation, keyType, counterData(ksn, set));
  }
  return key;
}

/** Working key (e.g. PIN encryption key) from the transaction's derivation key. */
export function deriveAesWorkingKey(
  transactionKey: Uint8Array,
  ksn: Uint8Array,
  usage: AesDukptKeyUsage,
  keyType: AesDukptKeyType = 'aes128',
): Buffer {
  keyTypeOf(transactionKey);
  return deriveKey(transactionKey, KEY_USAGE[usage], keyType, counterData(ksn, aesKsnCounter(ksn)));
}

/** Host side: AES-128 PIN encryption key straight from the BDK. */
export function deriveAesPinKeyFromBdk(bdk: Uint8Array, ksn: Uint8Array): Buffer {
  assertKsn(ksn);
  const initialKey = deriveAesInitialKey(bdk, ksn.subarray(0, 8));
  return deriveAesWorkingKey(deriveAesTransactionKey(initialKey, ksn), ksn, 'pinEncryption');
}
