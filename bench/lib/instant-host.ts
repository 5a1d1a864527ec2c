import type {
  BalanceSummary,
  BankCardVerifyReply,
  JournalAnchor,
  JournalRecordsBatch,
  JournalShipped,
  LookupReply,
  OtpSendReply,
  VerifyReply,
} from '../../core/host/host-api';
import type { HostClient } from '../../core/host/host-client';

export interface RecordedReplies {
  lookup: LookupReply;
  verify: VerifyReply;
  balance: BalanceSummary;
}

/**
 * A host that answers at once with replies recorded from the simulator, so timing the brain
 * in-process measures the brain (flow, validation, view rendering) and not the network.
 */
export class InstantHost implements HostClient {
  constructor(private readonly replies: RecordedReplies) {}

  async lookup() {
    return this.replies.lookup;
  }

  async verifyBirthDate() {
    return this.replies.verify;
  }

  /** The benchmark times the kiosk profile (KPJ and birth date), not the bank link. */
  async verifyBankCard(): Promise<BankCardVerifyReply> {
    throw new Error('the benchmark participant has no bank card; the flow asked for one');
  }

  /** The benchmark's participant verifies by birth date only; an OTP step would be a change. */
  async sendOtp(): Promise<OtpSendReply> {
    throw new Error('the benchmark participant needs no OTP; the flow asked for one');
  }

  async verifyOtp(): Promise<void> {
    throw new Error('the benchmark participant needs no OTP; the flow asked for one');
  }

  async balance() {
    return this.replies.balance;
  }

  async contributions() {
    return { rows: [] };
  }

  async ping() {
    return 0;
  }

  /** Accepted and dropped: the benchmark times the brain, not the journal anchoring. */
  async sendJournalAnchor(): Promise<void> {}

  async latestJournalAnchor(): Promise<JournalAnchor | null> {
    return null;
  }

  /** Holds nothing and takes every batch: the benchmark times the brain, not the shipping. */
  async journalShipped(): Promise<JournalShipped> {
    return { seq: 0, hash: '0'.repeat(64) };
  }

  async shipJournalRecords(batch: JournalRecordsBatch): Promise<JournalShipped> {
    const { seq, hash } = JSON.parse(batch.lines.at(-1)!) as JournalShipped;
    return { seq, hash };
  }
}
