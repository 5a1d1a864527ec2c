import { BIRTH_DATE_DIGITS } from '../common/domain/birth-date';
import { KPJ_LENGTH } from '../common/domain/kpj';
import { appendDigit, removeLastDigit } from './entry-buffer';
import type { EntryState } from './session-context';

export const OTP_LENGTH = 6;

/**
 * One entry field's behaviour, for every field the flow asks for (KPJ, birth date, OTP, wage,
 * years): a digit is added up to the field's length (or replaces a proposed value), backspace
 * removes one, clear empties it; each clears what was said about the last attempt.
 */
export function typedDigit(state: EntryState, digit: string, maxLength: number): EntryState {
  return {
    buffer: appendDigit(state.bufferPrefilled ? '' : state.buffer, digit, maxLength),
    bufferPrefilled: false,
    error: null,
  };
}

export function erasedDigit(state: EntryState): EntryState {
  return { buffer: removeLastDigit(state.buffer), bufferPrefilled: false, error: null };
}

export const EMPTY_ENTRY: EntryState = { buffer: '', bufferPrefilled: false, error: null };

/** Field lengths that do not depend on the person (the projection's do: entry-rules.ts). */
export const FIXED_FIELD_LENGTH = {
  kpj: KPJ_LENGTH,
  birthDate: BIRTH_DATE_DIGITS,
  otp: OTP_LENGTH,
} as const;
export type FixedField = keyof typeof FIXED_FIELD_LENGTH;

/**
 * The transitions of an entry field, for a state's `on`: each machine names the three actions
 * (`typeDigit`, `eraseDigit`, `clearEntry`) over its own `EntryState`.
 */
export function entryFieldEvents<TParams>(params: TParams) {
  return {
    digit: { actions: { type: 'typeDigit' as const, params } },
    backspace: { actions: 'eraseDigit' as const },
    clear: { actions: 'clearEntry' as const },
  };
}
