import { xor } from './bytes';
import { assertPan, assertPin, MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './pin-validation';

/**
 * ISO 9564-1 PIN block format 0 (ANSI X9.8): `0 || len || PIN || F-padding` XOR
 * `0000 || 12 rightmost PAN digits excluding the check digit`. 8 bytes, for TDES.
 */

function panField(pan: string): Buffer {
  assertPan(pan);
  const withoutCheckDigit = pan.slice(0, -1);
  return Buffer.from('0000' + withoutCheckDigit.slice(-12).padStart(12, '0'), 'hex');
}

export function encodeIso0PinBlock(pin: string, pan: string): Buffer {
  assertPin(pin);
  const pinField = Buffer.from(('0' + pin.length.toString(16) + pin).padEnd(16, 'F'), 'hex');
  return xor(pinField, panField(pan));
}

/** Recovers the PIN from a clear format 0 block; throws if the block is not well formed. */
export function decodeIso0PinBlock(block: Uint8Array, pan: string): string {
  if (block.length !== 8) throw new Error('format 0 PIN block must be 8 bytes');
  const field = xor(block, panField(pan)).toString('hex').toUpperCase();
  const length = parseInt(field[1]!, 16);
  if (field[0] !== '0' || length < MIN_PIN_LENGTH || length > MAX_PIN_LENGTH) {
    throw new Error('not a format 0 PIN block for this PAN');
  }
  const pin = field.slice(2, 2 + length);
  const padding = field.slice(2 + length);
  if (!/^\d+$/.test(pin) || !/^F*$/.test(padding)) {
    throw new Error('not a format 0 PIN block for this PAN');
  }
  return pin;
}
