import { desEncryptBlock } from './block-ciphers';
import { fromHex, xor } from './bytes';

/**
 * ANSI X9.24-1:2009 DUKPT with double-length TDES keys.
 * KSN: 10 bytes = 59-bit initial KSN (key set ID + device ID) || 21-bit transaction counter.
 * The counter may have at most 10 one bits; a device skips counters with more.
 */

export const TDES_KSN_LENGTH = 10;
const COUNTER_BITS = 0x1fffff;
const MAX_ONE_BITS = 10;
const KEY_MASK = fromHex('C0C0C0C000000000C0C0C0C000000000');
const PIN_VARIANT = fromHex('00000000000000FF00000000000000FF');

function assertKsn(ksn: Uint8Array): void {
  if (ksn.length !== TDES_KSN_LENGTH) throw new Error('TDES KSN must be 10 bytes');
}

function assertKey(key: Uint8Array): void {
  if (key.length !== 16) throw new Error('TDES DUKPT keys are 16 bytes');
}

export function tdesKsnCounter(ksn: Uint8Array): number {
  assertKsn(ksn);
  return ((ksn[7]! & 0x1f) << 16) | (ksn[8]! << 8) | ksn[9]!;
}

export function withTdesKsnCounter(ksn: Uint8Array, counter: number): Buffer {
  assertKsn(ksn);
  if (!Number.isInteger(counter) || counter < 0 || counter > COUNTER_BITS) {
    throw new Error('TDES KSN counter out of range');
  }
  const out = Buffer.from(ksn);
  out[7] = (out[7]! & 0xe0) | (counter >> 16);
  out[8] = (counter >> 8) & 0xff;
  out[9] = counter & 0xff;
  return out;
}

function oneBits(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

export function isValidTdesCounter(counter: number): boolean {
  return counter > 0 && counter <= COUNTER_BITS && oneBits(counter) <= MAX_ONE_BITS;
}

/** The KSN of the next transaction, or undefined once the counter is exhausted. */
export function nextTdesKsn(ksn: Uint8Array): Buffer | undefined {
  let counter = tdesKsnCounter(ksn) + 1;
  // Adding the lowest set bit skips whole runs of counters with too many one bits.
  while (counter <= COUNTER_BITS && oneBits(counter) > MAX_ONE_BITS) counter += counter & -counter;
  return counter > COUNTER_BITS ? undefined : withTdesKsnCounter(ksn, counter);
}

/** Initial PIN Encryption Key (IPEK, "initial key") from the BDK and the KSN. */
export function deriveTdesIpek(bdk: Uint8Array, ksn: Uint8Array): Buffer {
  assertKey(bdk);
  const base = withTdesKsnCounter(ksn, 0).subarray(0, 8);
  const left = desEncryptBlock(bdk, base);
  const right = desEncryptBlock(xor(bdk, KEY_MASK), base);
  return Buffer.concat([left, right]);
}

/** X9.24-1 non-reversible key generation process (one step of the key tree). */
function nonReversibleKeyGeneration(key: Uint8Array, register: Uint8Array): Buffer {
  const half = (k: Uint8Array) => {
    const left = k.subarray(0, 8);
    const right = k.subarray(8, 16);
    return xor(desEncryptBlock(left, xor(register, right)), right);
  };
  const rightHalf = half(key);
  const leftHalf = half(xor(key, KEY_MASK));
  return Buffer.concat([leftHalf, rightHalf]);
}

/**
 * The (future) key the device holds for this KSN's counter, derived from the initial key by
 * walking the counter's one bits from the most significant down.
 */
export function deriveTdesTransactionKey(ipek: Uint8Array, ksn: Uint8Array): Buffer {
  assertKey(ipek);
  const counter = tdesKsnCounter(ksn);
  const register = withTdesKsnCounter(ksn, 0).subarray(2, 10);
  let key: Buffer = Buffer.from(ipek);
  let set = 0;
  for (let bit = 0x100000; bit !== 0; bit >>= 1) {
    if ((counter & bit) === 0) continue;
    set |= bit;
    register[5] = (register[5]! & 0xe0) | (set >> 16);
    register[6] = (set >> 8) & 0xff;
    register[7] = set & 0xff;
    key = nonReversibleKeyGeneration(key, register);
  }
  return key;
}

/** PIN encryption key: the transaction key XOR the PIN variant constant. */
export function deriveTdesPinKey(ipek: Uint8Array, ksn: Uint8Array): Buffer {
  return xor(deriveTdesTransactionKey(ipek, ksn), PIN_VARIANT);
}

/** Host side: PIN key straight from the BDK (what a receiving HSM does). */
export function deriveTdesPinKeyFromBdk(bdk: Uint8Array, ksn: Uint8Array): Buffer {
  return deriveTdesPinKey(deriveTdesIpek(bdk, ksn), ksn);
}
