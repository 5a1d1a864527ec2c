/**
 * Luhn-valid test PANs (public test numbers), never real accounts. A module of its own, without
 * imports, so the host simulator's seeded bank cards can use them (test-cards.ts imports the
 * host simulator's fixtures).
 */
export const TEST_PANS = {
  visa: '4761739001010010',
  mastercard: '5413330089010442',
  /** The host simulator's blocked card. */
  visaBlocked: '4761739001010036',
  /** The host simulator's card whose owner has no KPJ. */
  mastercardNoKpj: '5413330089020011',
  /** Known to no bank of the host simulator. */
  visaUnknown: '4111111111111111',
} as const;
