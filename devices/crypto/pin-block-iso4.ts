import { randomBytes } from 'node:crypto';
import { aesDecryptBlock, aesEncryptBlock } from './block-ciphers';
import { xor } from './bytes';
import { assertPan, assertPin, MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './pin-validation';

/**
 * ISO 9564-1:2017 PIN block format 4 (AES, 16 bytes).
 * Plain-text PIN field: `4 || len || PIN || A-fill` (16 nibbles) followed by 8 random bytes.
 * PAN field: `M || PAN (left-padded with zeros to 12 digits) || 0-padding`, M = PAN length - 12
 * (0 for PANs of 12 digits or fewer).
 * Encipher: E(K, E(K, PIN field) XOR PAN field). Decipher is the reverse.
 */

export function iso4PinField(pin: string, random: Uint8Array = randomBytes(8)): Buffer {
  assertPin(pin);
  if (random.length !== 8) throw new Error('format 4 random fill must be 8 bytes');
  const control = Buffer.from(('4' + pin.length.toString(16) + pin).padEnd(16, 'A'), 'hex');
  return Buffer.concat([control, random]);
}

export function iso4PanField(pan: string): Buffer {
  assertPan(pan);
  const m = Math.max(pan.length - 12, 0);
  const digits = m.toString(16) + pan.padStart(12, '0');
  return Buffer.from(digits.padEnd(32, '0'), 'hex');
}

/** Reads the PIN out of a plain-text format 4 PIN field; throws if malformed. */
export function parseIso4PinField(field: Uint8Array): string {
  if (field.length !== 16) throw new Error('format 4 PIN field must be 16 bytes');
  const control = Buffer.from(field.subarray(0, 8)).toString('hex').toUpperCase();
  const length = parseInt(control[1]!, 16);
  if (control[0] !== '4' || length < MIN_PIN_LENGTH || length > MAX_PIN_LENGTH) {
    throw new Error('not a format 4 PIN field');
  }
  const pin = control.slice(2, 2 + length);
  if (!/^\d+$/.test(pin) || !/^A*$/.test(control.slice(2 + length))) {
    throw new Error('not a format 4 PIN field');
  }
  return pin;
}

export function encipherIso4PinBlock(
  key: Uint8Array,
  pin: string,
  pan: string,
  random?: Uint8Array,
): Buffer {
  const intermediate = aesEncryptBlock(key, iso4PinField(pin, random));
  return aesEncryptBlock(key, xor(intermediate, iso4PanField(pan)));
}

export function decipherIso4PinField(key: Uint8Array, block: Uint8Array, pan: string): Buffer {
  if (block.length !== 16) throw new Error('format 4 PIN block must be 16 bytes');
  const intermediate = xor(aesDecryptBlock(key, block), iso4PanField(pan));
  return aesDecryptBlock(key, intermediate);
}

export function decipherIso4PinBlock(key: Uint8Array, block: Uint8Array, pan: string): string {
  return parseIso4PinField(decipherIso4PinField(key, block, pan));
}
