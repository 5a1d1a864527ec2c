import { FIXTURES, PARTICIPANTS, type FixtureName } from '../simulators/host';

export interface Person {
  kpj: string;
  /** As typed on the kiosk: DD-MM-YYYY. */
  birthDate: string;
}

const typed = (iso: string) => iso.split('-').reverse().join('-');

/** Everyone the host simulator knows, for keypad sessions. */
export const PEOPLE: readonly Person[] = PARTICIPANTS.map((participant) => ({
  kpj: participant.kpj,
  birthDate: typed(participant.birthDate),
}));

/** The named fixtures: the card and scanner simulators make cards only for these. */
export const FIXTURE_NAMES = Object.keys(FIXTURES).filter(
  (name) => name !== 'unknownKpj',
) as FixtureName[];

export const fixturePerson = (name: FixtureName): Person => FIXTURES[name];

export const UNKNOWN_KPJ: string = FIXTURES.unknownKpj;

/** A valid date that is nobody's birth date here (a wrong guess). */
export function wrongBirthDate(person: Person): string {
  return person.birthDate === '01-01-1990' ? '02-01-1990' : '01-01-1990';
}

/**
 * What must never appear in logs, journal, receipts or the last view: every full KPJ and every
 * birth date, as typed (DD-MM-YYYY), as stored (YYYY-MM-DD) and as digits (DDMMYYYY).
 */
export function personalDataNeedles(): { kpjs: string[]; birthDates: string[] } {
  const birthDates = PARTICIPANTS.flatMap(({ birthDate }) => {
    const [year, month, day] = birthDate.split('-');
    return [birthDate, `${day}-${month}-${year}`, `${day}${month}${year}`];
  });
  return { kpjs: [...PARTICIPANTS.map((p) => p.kpj), UNKNOWN_KPJ], birthDates };
}
