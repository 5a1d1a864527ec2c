import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardReferenceOf } from '../../../core/common/domain/card-reference';
import { passesLuhn } from '../../../devices/card-reader/luhn';
import { BANK_CARDS, bankCardsByReference, UNKNOWN_CARD_PAN } from './bank-cards';
import { FIXTURES, PARTICIPANTS } from './participants';

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('seeded bank cards', () => {
  // These literals are the table in simulators/host/README.md: change both together.
  it('match the documented table', () => {
    expect(
      Object.fromEntries(
        Object.entries(BANK_CARDS).map(([key, card]) => [
          key,
          [card.pan, card.pin, card.kpjs, 'blocked' in card],
        ]),
      ),
    ).toEqual({
      oneKpj: ['4761739001010010', '1234', [FIXTURES.active.kpj], false],
      twoKpjs: ['5413330089010442', '2580', [FIXTURES.secondKpj.kpj, FIXTURES.inactive.kpj], false],
      blocked: ['4761739001010036', '1111', [FIXTURES.highWage.kpj], true],
      noKpj: ['5413330089020011', '4321', [], false],
    });
    for (const [key, card] of Object.entries(BANK_CARDS)) {
      expect(readme).toMatch(
        new RegExp(`\\| \`BANK_CARDS\\.${key}\` +\\| ${card.pan} \\| ${card.pin} +\\|`),
      );
    }
    expect(readme).toMatch(new RegExp(`\\| \`UNKNOWN_CARD_PAN\` +\\| ${UNKNOWN_CARD_PAN} \\|`));
  });

  it('are Luhn-valid PANs with distinct card references, the unknown one among none of them', () => {
    const pans = [...Object.values(BANK_CARDS).map((card) => card.pan), UNKNOWN_CARD_PAN];
    for (const pan of pans) expect(passesLuhn(pan), pan).toBe(true);
    expect(new Set(pans.map(cardReferenceOf)).size).toBe(pans.length);
    expect(bankCardsByReference().has(cardReferenceOf(UNKNOWN_CARD_PAN))).toBe(false);
    expect(bankCardsByReference().get('541333******0442')).toBe(BANK_CARDS.twoKpjs);
  });

  it('link seeded KPJs only, the two-KPJ card one person with two employers', () => {
    const known = new Set(PARTICIPANTS.map((p) => p.kpj));
    for (const card of Object.values(BANK_CARDS)) {
      for (const kpj of card.kpjs) expect(known.has(kpj), kpj).toBe(true);
    }
    const owners = BANK_CARDS.twoKpjs.kpjs.map((kpj) => PARTICIPANTS.find((p) => p.kpj === kpj)!);
    expect(new Set(owners.map((p) => `${p.name} ${p.birthDate}`)).size).toBe(1);
    expect(new Set(owners.map((p) => p.employer)).size).toBe(2);
  });
});
