import { maskKpj } from '../common/domain/mask';
import type { BalanceSummary, LinkedAccount } from './host-api';
import { HostError, type HostClient } from './host-client';

/**
 * The balance behind `token`, checked to be the person's it was asked for: a summary for anyone
 * else is a malformed reply, never shown. The detail names the field, not the KPJs.
 */
async function balanceFor(
  host: Pick<HostClient, 'balance'>,
  token: string,
  isTheirs: (kpj: string) => boolean,
  asked: string,
  signal?: AbortSignal,
): Promise<BalanceSummary> {
  const summary = await host.balance(token, signal);
  if (!isTheirs(summary.participant.kpj)) {
    throw new HostError({
      kind: 'malformedReply',
      detail: `participant.kpj: not the KPJ ${asked}`,
    });
  }
  return summary;
}

/** The balance of the KPJ that was looked up and verified. */
export function balanceOfKpj(
  host: Pick<HostClient, 'balance'>,
  token: string,
  kpj: string,
  signal?: AbortSignal,
): Promise<BalanceSummary> {
  return balanceFor(host, token, (theirs) => theirs === kpj, 'looked up', signal);
}

/** The balance of a KPJ the bank linked to the card (known masked only) and the person picked. */
export function balanceOfLinkedAccount(
  host: Pick<HostClient, 'balance'>,
  account: Pick<LinkedAccount, 'token' | 'maskedKpj'>,
  signal?: AbortSignal,
): Promise<BalanceSummary> {
  return balanceFor(
    host,
    account.token,
    (theirs) => maskKpj(theirs) === account.maskedKpj,
    'picked',
    signal,
  );
}
