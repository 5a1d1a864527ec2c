import { parseBirthDate } from '../../core/common/domain/birth-date';
import { loadHttpHostClient } from './kiosk-parts';
import type { RecordedReplies } from './instant-host';
import type { Participant } from './session-driver';

/**
 * Times what the brain asks of the host between "birth date submitted" and "balance shown":
 * verify, then balance, through the kiosk's own HTTP client. Returns ms per pair, and the
 * replies (for the in-process brain timing).
 */
export async function hostRoundTrips(
  hostUrl: string,
  who: Participant,
  count: number,
): Promise<{ samples: number[]; replies: RecordedReplies }> {
  const { HttpHostClient } = await loadHttpHostClient();
  const client = new HttpHostClient({
    baseUrl: hostUrl,
    terminalId: 'KSK-BENCH-01',
    timeoutMs: 5_000,
  });
  const parsed = parseBirthDate(who.birthDate);
  if (!parsed.ok) throw new Error(`fixture birth date does not parse: ${parsed.reason}`);
  const lookup = await client.lookup(who.kpj);
  let replies: RecordedReplies | null = null;
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const verify = await client.verifyBirthDate(who.kpj, parsed.iso);
    const balance = await client.balance(verify.token);
    samples.push(performance.now() - started);
    replies ??= { lookup, verify, balance };
  }
  return { samples, replies: replies! };
}
