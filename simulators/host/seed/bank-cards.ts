import { cardReferenceOf } from '../../../core/common/domain/card-reference';
import { TEST_PANS } from '../../card-reader/test-pans';
import { FIXTURES } from './participants';

/** A card of a partner bank, as the bank link behind the simulator knows it. */
export interface SimBankCard {
  pan: string;
  /** The card PIN the simulated bank checks the PIN block against. */
  pin: string;
  /** The KPJs linked to the card owner's NIK, in the order the reply lists them. */
  kpjs: readonly string[];
  /** Blocked by the bank: refused whatever the PIN. */
  blocked?: boolean;
}

/** The seeded cards: the table in simulators/host/README.md (bank-cards.test.ts pins it). */
export const BANK_CARDS = {
  /** SITI RAHAYU: one KPJ. Wrong PINs count down to pinTriesExceeded. */
  oneKpj: { pan: TEST_PANS.visa, pin: '1234', kpjs: [FIXTURES.active.kpj] },
  /** AGUS SETIAWAN: his first KPJ (inactive since he left) and the one at his new employer. */
  twoKpjs: {
    pan: TEST_PANS.mastercard,
    pin: '2580',
    kpjs: [FIXTURES.secondKpj.kpj, FIXTURES.inactive.kpj],
  },
  blocked: {
    pan: TEST_PANS.visaBlocked,
    pin: '1111',
    kpjs: [FIXTURES.highWage.kpj],
    blocked: true,
  },
  /** The bank knows its customer; BPJS has no KPJ for the NIK. */
  noKpj: { pan: TEST_PANS.mastercardNoKpj, pin: '4321', kpjs: [] },
} as const satisfies Record<string, SimBankCard>;

/** A card reference that belongs to no seeded card. */
export const UNKNOWN_CARD_PAN = TEST_PANS.visaUnknown;

/** The seeded cards by card reference (first six and last four digits). */
export function bankCardsByReference(
  cards: readonly SimBankCard[] = Object.values(BANK_CARDS),
): ReadonlyMap<string, SimBankCard> {
  return new Map(cards.map((card) => [cardReferenceOf(card.pan), card]));
}
