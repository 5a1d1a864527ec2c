import { fromPromise } from 'xstate';
import type { ErrorCode } from '../common/api';
import type { OtpSendReply } from '../host/host-api';
import { balanceOfKpj } from '../host/balance-of-kpj';
import { HostError, type HostFailure } from '../host/host-client';
import { HISTORY_MONTHS } from './history-pages';
import type { ReceiptMeta, SessionMachineDeps } from './session-context';
import type { BalanceSummary } from '../host/host-api';

/** Why a host call failed; anything but a HostError counts as the host being unavailable. */
export const failureOf = (error: unknown): HostFailure =>
  error instanceof HostError ? error.failure : { kind: 'unavailable', detail: String(error) };

/** What the person is told about a failed host call. */
export function hostErrorCode(failure: HostFailure): ErrorCode {
  switch (failure.kind) {
    case 'timeout':
      return 'hostTimeout';
    case 'malformedReply':
      return 'hostMalformed';
    case 'notFound':
      return 'notFound';
    case 'unauthorized':
      return 'sessionExpired';
    default:
      return 'hostUnavailable';
  }
}

/** What an invoked host step finished with (named actions see it on the done event). */
export const outputOf = <T>(event: unknown): T => (event as { output: T }).output;

/** The failure an invoked host call ended with (named actions see it as the event). */
export const failureOfEvent = (event: unknown): HostFailure =>
  failureOf((event as { error?: unknown }).error);

export interface OtpState {
  maskedDestination: string;
  expiresAt: number;
  resendAt: number;
}

export function otpStateOf(reply: OtpSendReply, now: Date): OtpState {
  return {
    maskedDestination: reply.maskedDestination,
    expiresAt: now.getTime() + reply.expiresInSeconds * 1000,
    resendAt: now.getTime() + reply.resendAfterSeconds * 1000,
  };
}

interface WithDeps {
  deps: SessionMachineDeps;
}

/** The host and printer calls of the flow; each is aborted when its step is left. */
export const hostSteps = {
  lookup: fromPromise(
    ({ input, signal }: { input: WithDeps & { kpj: string }; signal: AbortSignal }) =>
      input.deps.host.lookup(input.kpj, signal),
  ),
  contributions: fromPromise(
    ({ input, signal }: { input: WithDeps & { token: string }; signal: AbortSignal }) =>
      input.deps.host.contributions(input.token, HISTORY_MONTHS, signal),
  ),
  print: fromPromise(
    async ({
      input,
      signal,
    }: {
      input: WithDeps & { summary: BalanceSummary; meta: ReceiptMeta };
      signal: AbortSignal;
    }) => {
      const { printer, compose } = input.deps.receipts;
      if (!printer) return { ok: false as const, problem: 'offline' as const };
      return printer.print(compose(input.summary, input.meta), signal);
    },
  ),
  /** The birth date checked; then either the OTP sent (when one is asked for) or the balance. */
  verifyBirthDate: fromPromise(
    async ({
      input,
      signal,
    }: {
      input: WithDeps & { kpj: string; birthDate: string; otp: boolean };
      signal: AbortSignal;
    }) => {
      const { host } = input.deps;
      const { token } = await host.verifyBirthDate(input.kpj, input.birthDate, signal);
      if (input.otp) return { token, otp: await host.sendOtp(token, signal), summary: null };
      return { token, otp: null, summary: await balanceOfKpj(host, token, input.kpj, signal) };
    },
  ),
  sendOtp: fromPromise(
    ({ input, signal }: { input: WithDeps & { token: string }; signal: AbortSignal }) =>
      input.deps.host.sendOtp(input.token, signal),
  ),
  verifyOtp: fromPromise(
    async ({
      input,
      signal,
    }: {
      input: WithDeps & { kpj: string; token: string; code: string };
      signal: AbortSignal;
    }) => {
      await input.deps.host.verifyOtp(input.token, input.code, signal);
      const summary = await balanceOfKpj(input.deps.host, input.token, input.kpj, signal);
      return { token: input.token, summary };
    },
  ),
};
