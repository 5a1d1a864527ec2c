import type { CardReference } from './host-api';

/** A PAN as the bank link names it: first six and last four digits, masked between. */
export function cardReferenceOf(pan: string): CardReference {
  if (!/^\d{12,19}$/.test(pan)) throw new Error('a PAN is 12 to 19 digits');
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
