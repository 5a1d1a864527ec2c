import {
  DEFAULT_BRANDING,
  type BrandingView,
  type Language,
  type PrinterProblem,
} from '../common/api';
import type { BalanceSummary, ContributionRow, LinkedAccount } from '../host/host-api';
import type { BankCardPort } from './bank-card-port';
import type { HostClient } from '../host/host-client';
import type { PrintJob } from '../../devices/printer/print-job';
import type { ReceiptPrinterPort } from '../devices/receipt-printer-port';
import type { SessionError } from './entry-rules';
import type { LockoutRegistry } from './lockout-registry';
import type { IdentificationMethod } from './session-events';

export interface ReceiptMeta {
  reference: string;
  language: Language;
  printedAt: Date;
}

export interface ReceiptDeps {
  printer: ReceiptPrinterPort | null;
  compose: (summary: BalanceSummary, meta: ReceiptMeta) => PrintJob;
  nextReference: (at: Date) => string;
}

/** What the session flow needs from outside; given to the machine as its `input`. */
export interface SessionMachineDeps {
  host: HostClient;
  /** `kiosk`: KPJ and birth date; `atm`: bank card and card PIN, verified by the bank. */
  profile?: 'kiosk' | 'atm';
  /** The ATM profile's held bank card (null on a kiosk, or with no card reader). */
  bankCards?: BankCardPort | null;
  /**
   * The ATM profile embedded in the ATM's own application: the card stays in the reader for it
   * (not given back before the balance), and the end of the visit hands the terminal back.
   */
  handOff?: boolean;
  lockouts: LockoutRegistry;
  maxBirthDateAttempts: number;
  thankYouMs: number;
  now: () => Date;
  receipts: ReceiptDeps;
  /**
   * Verification policy: a one-time code after the birth date. It can add the OTP step; it never
   * removes one the host's lookup reply demands.
   */
  requireOtp: boolean;
  /** Where "today" is for a birth date typed here (IANA name); Asia/Jakarta when not given. */
  timeZone?: string;
  /** The partner bank's theme (core/config/theme): its languages are the ones offered. */
  branding?: BrandingView;
  /** Whether the kiosk serves now (service-monitor.ts); absent: always. */
  inService?: () => boolean;
}

/** The languages a person may choose here (the theme's; without one, every language). */
export function offeredLanguages(deps: Pick<SessionMachineDeps, 'branding'>): readonly Language[] {
  return (deps.branding ?? DEFAULT_BRANDING).languages;
}

export interface SessionInput {
  deps: SessionMachineDeps;
  defaultLanguage: Language;
}

/** What verification proves: the host's session token and the verified person's balance. */
export interface Verified {
  token: string;
  summary: BalanceSummary;
}

/** The digits typed into the field the current step asks for. */
export interface EntryState {
  buffer: string;
  /** The buffer holds a proposed value (the current wage or period): the first digit replaces it. */
  bufferPrefilled: boolean;
  error: SessionError | null;
}

/** Why the session ended, when the step it ends from says more than the event (docs/journal.md). */
export type VisitEnd = 'locked' | 'error' | 'canceled';

export interface SessionContext extends EntryState {
  deps: SessionMachineDeps;
  language: Language;
  defaultLanguage: Language;
  kpj: string | null;
  method: IdentificationMethod | null;
  /** Set once verification is done; the served steps are reached only through it. */
  verified: Verified | null;
  /** The host asked for an OTP in its lookup reply, or the kiosk's policy does. */
  otpRequired: boolean;
  lockedUntil: string | null;
  visitEnd: VisitEnd | null;
  history: ContributionRow[] | null;
  historyFailed: boolean;
  /** The history page shown, from 0 (the newest months). */
  historyPage: number;
  projection: { wage: number; years: number };
  editing: 'wage' | 'years' | null;
  receiptReference: string | null;
  printProblem: PrinterProblem | null;
  /** Voice guidance is on for this person; off again when the next one comes. */
  voice: boolean;
  /** Goes up on every "say it again". */
  voiceRepeat: number;
  /** The ATM profile's card while it is in the reader: masked, never the number. */
  bankCard: { maskedPan: string } | null;
  /** The digits typed so far of the card PIN (a count: the digits stay in the pin pad). */
  pinDigits: number;
  /** The KPJ linked to the card's owner, with their tokens; `account` is the one picked. */
  accounts: LinkedAccount[] | null;
  account: LinkedAccount | null;
}

/** Everything a new person starts with; what the kiosk is (deps, default language) stays. */
export function freshSession(language: Language): Omit<SessionContext, 'deps' | 'defaultLanguage'> {
  return {
    language,
    buffer: '',
    bufferPrefilled: false,
    error: null,
    kpj: null,
    method: null,
    verified: null,
    otpRequired: false,
    lockedUntil: null,
    visitEnd: null,
    history: null,
    historyFailed: false,
    historyPage: 0,
    projection: { wage: 0, years: 1 },
    editing: null,
    receiptReference: null,
    printProblem: null,
    voice: false,
    voiceRepeat: 0,
    bankCard: null,
    pinDigits: 0,
    accounts: null,
    account: null,
  };
}

/** The served steps' data. The machine enters them only with verification's output assigned. */
export function verifiedOf(context: Pick<SessionContext, 'verified'>): Verified {
  if (!context.verified) throw new Error('a served step was entered without verification');
  return context.verified;
}
