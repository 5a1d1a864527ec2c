/** Input checks shared by the PIN block formats. Error messages never echo a PIN or PAN. */

export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;

export function assertPin(pin: string): void {
  if (!/^\d+$/.test(pin) || pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) {
    throw new Error(`PIN must be ${MIN_PIN_LENGTH} to ${MAX_PIN_LENGTH} digits`);
  }
}

/** ISO/IEC 7812 card numbers are 8 to 19 digits. */
export function assertPan(pan: string): void {
  if (!/^\d{8,19}$/.test(pan)) throw new Error('PAN must be 8 to 19 digits');
}
