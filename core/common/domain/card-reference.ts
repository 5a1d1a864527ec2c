/**
 * A PAN as the bank link names it: the first six and last four digits, masked between (PCI
 * truncation). The full number goes only into the pin pad.
 */
export function cardReferenceOf(pan: string): string {
  if (!/^\d{12,19}$/.test(pan)) throw new Error('a PAN is 12 to 19 digits');
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

/** What the screen may show of a bank card: its last four digits. */
export function maskedPanOf(pan: string): string {
  return `${'*'.repeat(pan.length - 4)}${pan.slice(-4)}`;
}
