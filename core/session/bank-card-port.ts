import type { BankCardVerifyRequest } from '../host/host-api';

/** The card PIN as the bank link takes it: a PIN block, its KSN and the card's reference. */
export type CardPin = BankCardVerifyRequest;

export type PinEntryEnd =
  { ok: true; pin: CardPin } | { ok: false; reason: 'canceled' | 'timeout' | 'unavailable' };

/**
 * What the ATM profile's flow needs of the bank card it holds. The card number stays behind
 * this port (the PIN pad binds the PIN block to it); the brain sees only the masked reference.
 */
export interface BankCardPort {
  /** Encrypting PIN entry for the held card; `onDigits` gets the digit count as it changes. */
  enterPin(onDigits: (count: number) => void, signal: AbortSignal): Promise<PinEntryEnd>;
  /** Gives the card back and resolves once it is taken, or retained because it was not. */
  returnCard(): Promise<'taken' | 'retained' | 'failed'>;
  /** Keeps the card (the bank says: PIN tries exceeded, card blocked). */
  retainCard(): Promise<'retained' | 'failed'>;
  /** The reader keeps the card until it is given back (motorised); false: the person holds it (swipe, dip). */
  holdsCard(): boolean;
  /** The session is over: the card number is wiped. */
  forget(): void;
}
