import { z } from 'zod';
import {
  BalanceSummary,
  BankCardVerifyReply,
  ContributionHistory,
  JournalAnchor,
  JournalShipped,
  LookupReply,
  OtpSendReply,
  VerifyReply,
} from './host-api';
import { HostError, type HostClient } from './host-client';

/** `ping` resolves with the round trip in milliseconds. */
const PingLatency = z.number().nonnegative().finite();

/**
 * An integrator's client held to the same contract as the built-in one: every reply checked
 * against the host API schemas (a wrong shape is a `malformedReply`, never a crash mid-visit or
 * a wrong figure on screen), and anything thrown that is not a HostError counts as the host
 * being unavailable. Details name field paths only, never reply content.
 */
export function checkedHostClient(client: HostClient): HostClient {
  const call = async <T>(
    operation: string,
    schema: z.ZodType<T> | 'ignored',
    run: () => Promise<unknown>,
  ): Promise<T> => {
    let reply: unknown;
    try {
      reply = await run();
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError({ kind: 'unavailable', detail: `${operation}: ${errorName(error)}` });
    }
    if (schema === 'ignored') return undefined as T;
    const parsed = schema.safeParse(reply);
    if (parsed.success) return parsed.data;
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(reply)');
    throw new HostError({
      kind: 'malformedReply',
      detail: `${operation}: ${[...new Set(paths)].slice(0, 5).join(', ')}`,
    });
  };
  return {
    lookup: (kpj, signal) => call('lookup', LookupReply, () => client.lookup(kpj, signal)),
    verifyBirthDate: (kpj, birthDate, signal) =>
      call('verifyBirthDate', VerifyReply, () => client.verifyBirthDate(kpj, birthDate, signal)),
    verifyBankCard: (request, signal) =>
      call('verifyBankCard', BankCardVerifyReply, () => client.verifyBankCard(request, signal)),
    sendOtp: (token, signal) => call('sendOtp', OtpSendReply, () => client.sendOtp(token, signal)),
    verifyOtp: (token, code, signal) =>
      call('verifyOtp', 'ignored', () => client.verifyOtp(token, code, signal)),
    balance: (token, signal) =>
      call('balance', BalanceSummary, () => client.balance(token, signal)),
    contributions: (token, months, signal) =>
      call('contributions', ContributionHistory, () => client.contributions(token, months, signal)),
    ping: (signal) => call('ping', PingLatency, () => client.ping(signal)),
    sendJournalAnchor: (anchor, signal) =>
      call('sendJournalAnchor', 'ignored', () => client.sendJournalAnchor(anchor, signal)),
    latestJournalAnchor: (signal) =>
      call('latestJournalAnchor', JournalAnchor.nullable(), () =>
        client.latestJournalAnchor(signal),
      ),
    journalShipped: (signal) =>
      call('journalShipped', JournalShipped, () => client.journalShipped(signal)),
    shipJournalRecords: (batch, signal) =>
      call('shipJournalRecords', JournalShipped, () => client.shipJournalRecords(batch, signal)),
  };
}

/** The kind of error, not its message: a bank's message may carry what it was sent. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
