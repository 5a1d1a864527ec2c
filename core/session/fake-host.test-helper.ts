import type {
  BankCardVerifyReply,
  BankCardVerifyRequest,
  BalanceSummary,
  ContributionRow,
  JournalAnchor,
  JournalRecordsBatch,
  JournalShipped,
  VerificationMethod,
} from '../host/host-api';
import { HostError, type HostClient, type HostFailure } from '../host/host-client';
import type { PrintJob } from '../../devices/printer/print-job';
import type { PrintOutcome, ReceiptPrinterPort } from '../devices/receipt-printer-port';

/** One month's contributions on a wage of Rp5.000.000, deposited on the 10th of that month. */
export const sampleContributionRow = (month: string, postingDay = '15'): ContributionRow => ({
  month,
  depositDate: `${month}-10`,
  postingDate: `${month}-${postingDay}`,
  wage: 5_000_000,
  arrears: 0,
  jhtEmployer: 185_000,
  jhtWorker: 100_000,
  jpEmployer: 100_000,
  jpWorker: 50_000,
});

export const SAMPLE_SUMMARY: BalanceSummary = {
  participant: {
    name: 'BUDI SANTOSO',
    kpj: '12345672128',
    membershipStatus: 'active',
    employer: 'PT Maju Jaya',
    branchOffice: 'Jakarta Menara Jamsostek',
    membershipStart: '2015-04',
    lastContributionMonth: '2026-10',
    currentWage: 5_000_000,
    age: 34,
  },
  jht: {
    asOf: '2026-10-31',
    openingBalance: 40_000_000,
    employerContributions: 1_850_000,
    workerContributions: 1_000_000,
    developmentReturns: 2_100_000,
    closingBalance: 44_950_000,
  },
  programs: [
    { program: 'JHT', covered: true },
    { program: 'JP', covered: true, contributionMonths: 130, balance: 19_500_000 },
    { program: 'JKK', covered: true },
    { program: 'JKM', covered: true },
    { program: 'JKP', covered: true },
  ],
};

/** A scripted HostClient: one known participant, a birth date, and failures on demand. */
export class FakeHost implements HostClient {
  birthDate = '1992-02-29';
  attemptsLeft = 3;
  failNext: HostFailure | null = null;
  calls: string[] = [];
  /** What the lookup reply demands. */
  verification: VerificationMethod[] = ['birthDate'];

  private take(): void {
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      throw new HostError(failure);
    }
  }

  async lookup(kpj: string) {
    this.calls.push('lookup');
    this.take();
    if (kpj !== SAMPLE_SUMMARY.participant.kpj) throw new HostError({ kind: 'notFound' });
    return { verification: this.verification };
  }

  async verifyBirthDate(_kpj: string, birthDate: string) {
    this.calls.push('verify');
    this.take();
    if (birthDate !== this.birthDate) {
      this.attemptsLeft = Math.max(this.attemptsLeft - 1, 0);
      throw new HostError({ kind: 'verificationFailed', attemptsLeft: this.attemptsLeft });
    }
    return { token: 'token-0123456789abcdef', expiresInSeconds: 300 };
  }

  /** The PIN block the fake bank takes for the right PIN (any other is a wrong PIN). */
  acceptedPinBlock = '0412AC89ABCDEF01';
  bankAttemptsLeft = 3;
  /** The KPJ accounts the bank answers with; the first one's token opens SAMPLE_SUMMARY. */
  linkedAccounts: BankCardVerifyReply['accounts'] = [
    {
      maskedKpj: '*******2128',
      employer: 'PT MAJU BERSAMA',
      membershipStatus: 'active',
      token: 'token-0123456789abcdef',
    },
  ];
  bankRequests: BankCardVerifyRequest[] = [];

  async verifyBankCard(request: BankCardVerifyRequest) {
    this.calls.push('verifyBankCard');
    this.bankRequests.push(request);
    this.take();
    if (request.pinBlock !== this.acceptedPinBlock) {
      this.bankAttemptsLeft = Math.max(this.bankAttemptsLeft - 1, 0);
      if (this.bankAttemptsLeft === 0) throw new HostError({ kind: 'pinTriesExceeded' });
      throw new HostError({ kind: 'verificationFailed', attemptsLeft: this.bankAttemptsLeft });
    }
    return { accounts: this.linkedAccounts, expiresInSeconds: 300 };
  }

  otpCode = '123456';
  otpAttemptsLeft = 3;

  async sendOtp() {
    this.calls.push('sendOtp');
    this.take();
    return { maskedDestination: '****1234', expiresInSeconds: 300, resendAfterSeconds: 30 };
  }

  async verifyOtp(_token: string, code: string) {
    this.calls.push('verifyOtp');
    this.take();
    if (code !== this.otpCode) {
      this.otpAttemptsLeft = Math.max(this.otpAttemptsLeft - 1, 0);
      throw new HostError({ kind: 'verificationFailed', attemptsLeft: this.otpAttemptsLeft });
    }
  }

  /** What the balance answers (a test may make the member inactive or recently joined). */
  summary: BalanceSummary = SAMPLE_SUMMARY;
  /** The months the contribution history answers with: 2026-10 back to 2026-06, 2026-08 missing. */
  contributionMonths = ['2026-10', '2026-09', '2026-07', '2026-06'];

  async balance() {
    this.calls.push('balance');
    this.take();
    return this.summary;
  }

  async contributions() {
    this.calls.push('contributions');
    this.take();
    return { rows: this.contributionMonths.map((month) => sampleContributionRow(month)) };
  }

  async ping() {
    return 1;
  }

  /**
   * Journal anchors sent, in order; the latest is what `latestJournalAnchor` answers. Kept out
   * of `calls` and `failNext`: a kiosk anchors in the background, at times a session test does
   * not script.
   */
  anchors: JournalAnchor[] = [];

  async sendJournalAnchor(anchor: JournalAnchor) {
    this.anchors.push(anchor);
  }

  async latestJournalAnchor() {
    return this.anchors.at(-1) ?? null;
  }

  /** Journal lines shipped, in order; the last one's seq and hash are what the host holds. */
  shippedLines: string[] = [];

  async journalShipped(): Promise<JournalShipped> {
    return this.heldHead();
  }

  async shipJournalRecords(batch: JournalRecordsBatch): Promise<JournalShipped> {
    this.shippedLines.push(...batch.lines);
    return this.heldHead();
  }

  private heldHead(): JournalShipped {
    const last = this.shippedLines.at(-1);
    if (!last) return { seq: 0, hash: '0'.repeat(64) };
    const { seq, hash } = JSON.parse(last) as JournalShipped;
    return { seq, hash };
  }
}

/** A receipt printer port whose readiness and outcome tests set. */
export class FakePrinter implements ReceiptPrinterPort {
  state: ReturnType<ReceiptPrinterPort['readiness']> = { printer: 'ready' };
  outcome: PrintOutcome = { ok: true };
  printed: PrintJob[] = [];
  private listeners = new Set<() => void>();

  readiness() {
    return this.state;
  }

  setState(state: ReturnType<ReceiptPrinterPort['readiness']>) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  onReadinessChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async print(job: PrintJob) {
    this.printed.push(job);
    return this.outcome;
  }

  columns() {
    return 42;
  }
}

export const fakeReceipts = (printer: FakePrinter | null) => ({
  printer,
  compose: (summary: BalanceSummary, meta: { reference: string }): PrintJob => ({
    name: 'balance-receipt',
    elements: [
      { kind: 'text', text: meta.reference },
      { kind: 'text', text: String(summary.jht.closingBalance) },
    ],
  }),
  nextReference: () => 'KSK-TEST-01-0001',
});
