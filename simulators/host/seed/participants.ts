import { generateParticipant, type ParticipantProfile } from './generate-participant';
import { addMonths } from './months';
import type { SimParticipant } from './participant';
import { createPrng, type Prng } from './prng';
import {
  BRANCH_OFFICES,
  EMPLOYERS,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  LONG_NAMES,
  SECOND_NAMES_FEMALE,
  SECOND_NAMES_MALE,
  SINGLE_NAMES,
} from './reference-data';

/** The month the seeded statements run to: fixed, so balances do not drift with the clock. */
export const STATEMENT_MONTH = '2026-10';
export const SEED = 20_260_101;
const RANDOM_PARTICIPANTS = 26;

/** Hand-picked participants with stable KPJs and birth dates, for tests and trying by hand. */
const FIXTURE_PROFILES = {
  active: {
    kpj: '17054312128',
    name: 'SITI RAHAYU',
    birthDate: '1988-08-17',
    status: 'active',
    employer: 'PT Maju Bersama Sejahtera',
    branchOffice: 'Kantor Cabang Jakarta Menara Jamsostek',
    years: 9,
    currentWage: 5_500_000,
    gapRuns: 1,
  },
  inactive: {
    kpj: '12063340517',
    name: 'AGUS SETIAWAN',
    birthDate: '1979-03-05',
    status: 'inactive',
    employer: 'CV Sumber Rejeki Abadi',
    branchOffice: 'Kantor Cabang Bandung Suci',
    years: 12,
    currentWage: 4_250_000,
    lastContributionMonth: '2024-06',
    gapRuns: 2,
  },
  highWage: {
    kpj: '06021187734',
    name: 'RADEN MAS ARYA WIRAATMAJA',
    birthDate: '1975-11-30',
    status: 'active',
    employer: 'PT Bank Perkreditan Rakyat Artha Mulia',
    branchOffice: 'Kantor Cabang Surabaya Darmo',
    years: 20,
    currentWage: 24_750_000,
    gapRuns: 0,
  },
  singleName: {
    kpj: '23098812345',
    name: 'SUPARMAN',
    birthDate: '1972-06-14',
    status: 'active',
    employer: 'CV Berkah Tani Makmur',
    branchOffice: 'Kantor Cabang Semarang Pemuda',
    years: 3,
    currentWage: 2_200_000,
    gapRuns: 0,
  },
  longName: {
    kpj: '25117760043',
    name: 'I GUSTI NGURAH PUTU WIRAWAN ADNYANA',
    birthDate: '2001-02-09',
    status: 'active',
    employer: 'PT Nusantara Digital Solusi',
    branchOffice: 'Kantor Cabang Denpasar',
    years: 1,
    currentWage: 3_100_000,
    gapRuns: 0,
  },
  withGaps: {
    kpj: '20087725519',
    name: 'DEWI PURNAMASARI',
    birthDate: '1993-12-22',
    status: 'active',
    employer: 'PT Garuda Tekstil Indonesia',
    branchOffice: 'Kantor Cabang Medan Kota',
    years: 6,
    currentWage: 3_850_000,
    gapRuns: 3,
  },
  /** The host demands an OTP after the birth date, whatever the kiosk's own setting. */
  otpByHost: {
    kpj: '19076654321',
    name: 'YOHANES BAPTISTA SIREGAR',
    birthDate: '1985-04-10',
    status: 'active',
    employer: 'PT Samudra Logistik Nusantara',
    branchOffice: 'Kantor Cabang Medan Kota',
    years: 7,
    currentWage: 6_200_000,
    gapRuns: 0,
    verification: ['birthDate', 'otp'],
  },
  /**
   * AGUS SETIAWAN's second KPJ, at the employer he joined after `inactive` (his first KPJ)
   * stopped: one person, two KPJs, both linked to his bank card (seed/bank-cards.ts).
   */
  secondKpj: {
    kpj: '24110978305',
    name: 'AGUS SETIAWAN',
    birthDate: '1979-03-05',
    status: 'active',
    employer: 'PT Karya Anugerah Konstruksi',
    branchOffice: 'Kantor Cabang Bandung Suci',
    years: 2,
    currentWage: 5_100_000,
    gapRuns: 0,
  },
} as const satisfies Record<string, ParticipantProfile>;

export type FixtureName = keyof typeof FIXTURE_PROFILES;

/** 11 digits, guaranteed not to belong to any seeded participant. */
export const UNKNOWN_KPJ = '99887766554';

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash ^ SEED) >>> 0;
}

function randomName(prng: Prng, used: Set<string>): string {
  for (;;) {
    const name = drawName(prng);
    if (used.has(name)) continue;
    used.add(name);
    return name;
  }
}

function drawName(prng: Prng): string {
  const style = prng.next();
  if (style < 0.12) return prng.pick(SINGLE_NAMES);
  if (style < 0.22) return prng.pick(LONG_NAMES);
  const male = prng.chance(0.5);
  const given = male ? prng.pick(GIVEN_NAMES_MALE) : prng.pick(GIVEN_NAMES_FEMALE);
  const second = male ? prng.pick(SECOND_NAMES_MALE) : prng.pick(SECOND_NAMES_FEMALE);
  if (style < 0.45) return `${given} ${prng.pick(FAMILY_NAMES)}`;
  if (style < 0.6) return `${given} ${second} ${prng.pick(FAMILY_NAMES)}`;
  return `${given} ${second}`;
}

/** UMR-level, middle, and above the JP wage cap, in realistic proportions. */
function randomWage(prng: Prng): number {
  const band = prng.next();
  if (band < 0.12) return 2_200_000;
  if (band < 0.35) return prng.int(2_300, 3_500) * 1000;
  if (band < 0.8) return prng.int(36, 95) * 100_000;
  return prng.int(106, 300) * 100_000;
}

function randomProfile(prng: Prng, taken: Set<string>, names: Set<string>): ParticipantProfile {
  const status = prng.chance(0.3) ? 'inactive' : 'active';
  const years = prng.int(1, 20);
  const lastContributionMonth =
    status === 'inactive' ? addMonths(STATEMENT_MONTH, -prng.int(3, 48)) : undefined;
  const statementYear = Number(STATEMENT_MONTH.slice(0, 4));
  const age = prng.int(Math.max(20, years + 19), Math.min(58, years + 38));
  const birthDate = `${statementYear - age}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
  let kpj: string;
  do {
    const registered = String((statementYear - years) % 100).padStart(2, '0');
    kpj = registered + String(prng.int(0, 999_999_999)).padStart(9, '0');
  } while (taken.has(kpj) || kpj === UNKNOWN_KPJ);
  taken.add(kpj);
  return {
    kpj,
    name: randomName(prng, names),
    birthDate,
    status,
    employer: prng.pick(EMPLOYERS),
    branchOffice: prng.pick(BRANCH_OFFICES),
    years,
    currentWage: randomWage(prng),
    ...(lastContributionMonth ? { lastContributionMonth } : {}),
    gapRuns: prng.chance(0.4) ? prng.int(1, 3) : 0,
  };
}

/** Every seeded participant: the named fixtures first, then the PRNG-drawn population. */
export function seedParticipants(): SimParticipant[] {
  const fixtures = Object.values(FIXTURE_PROFILES).map((profile) =>
    generateParticipant(profile, createPrng(seedOf(profile.kpj)), STATEMENT_MONTH),
  );
  const taken = new Set(fixtures.map((participant) => participant.kpj));
  const names = new Set(fixtures.map((participant) => participant.name));
  const population = createPrng(SEED);
  const drawn: SimParticipant[] = [];
  for (let index = 0; index < RANDOM_PARTICIPANTS; index += 1) {
    const profile = randomProfile(population, taken, names);
    drawn.push(generateParticipant(profile, createPrng(seedOf(profile.kpj)), STATEMENT_MONTH));
  }
  return [...fixtures, ...drawn];
}

export const PARTICIPANTS: readonly SimParticipant[] = seedParticipants();

export interface FixtureParticipant {
  kpj: string;
  /** As a person types it on the kiosk: DD-MM-YYYY. */
  birthDate: string;
  birthDateIso: string;
  name: string;
  status: 'active' | 'inactive';
  closingBalance: number;
}

function toFixture(kpj: string): FixtureParticipant {
  const participant = PARTICIPANTS.find((candidate) => candidate.kpj === kpj)!;
  const [year, month, day] = participant.birthDate.split('-');
  return {
    kpj,
    birthDate: `${day}-${month}-${year}`,
    birthDateIso: participant.birthDate,
    name: participant.name,
    status: participant.status,
    closingBalance: participant.summary.jht.closingBalance,
  };
}

export const FIXTURES = {
  ...(Object.fromEntries(
    Object.entries(FIXTURE_PROFILES).map(([key, profile]) => [key, toFixture(profile.kpj)]),
  ) as Record<FixtureName, FixtureParticipant>),
  unknownKpj: UNKNOWN_KPJ,
};

export function findParticipant(
  kpj: string,
  participants: readonly SimParticipant[] = PARTICIPANTS,
): SimParticipant | undefined {
  return participants.find((participant) => participant.kpj === kpj);
}
