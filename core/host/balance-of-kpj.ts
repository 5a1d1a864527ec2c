import type { BalanceSummary } from './host-api';
import { HostError, type HostClient } from './host-client';

/**
 * The balance behind `token`, checked against the KPJ that was looked up and verified: a summary
 * for anyone else is a malformed reply, never shown. The detail names the field, not the KPJs.
 */
export async function balanceOfKpj(
  host: Pick<HostClient, 'balance'>,
  token: string,
  kpj: string,
  signal?: AbortSignal,
): Promise<BalanceSummary> {
  const summary = await host.balance(token, signal);
  if (summary.participant.kpj !== kpj) {
    throw new HostError({
      kind: 'malformedReply',
      detail: 'participant.kpj: not the KPJ looked up',
    });
  }
  return summary;
}
