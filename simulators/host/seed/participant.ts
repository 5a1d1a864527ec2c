import type {
  BalanceSummary,
  ContributionRow,
  VerificationMethod,
} from '../../../core/host/host-api';

export type MembershipStatus = 'active' | 'inactive';

/** One year of the JHT account, as the yearly statement shows it. */
export interface JhtYear {
  year: number;
  rate: number;
  openingBalance: number;
  employerContributions: number;
  workerContributions: number;
  developmentReturns: number;
  closingBalance: number;
}

/** A participant the host simulator knows, with everything it needs to answer for them. */
export interface SimParticipant {
  kpj: string;
  /** ISO `YYYY-MM-DD`: the simulator knows it; the kiosk only ever sends it for verification. */
  birthDate: string;
  name: string;
  status: MembershipStatus;
  employer: string;
  branchOffice: string;
  membershipStart: string;
  /** The steps the host demands at lookup, in order; with `otp` no balance before the code. */
  verification: VerificationMethod[];
  /** Newest first, gaps absent. */
  rows: ContributionRow[];
  /** Oldest first, through the statement year. */
  jhtYears: JhtYear[];
  summary: BalanceSummary;
}
