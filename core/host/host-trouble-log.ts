import { HostError, type HostClient, type HostFailure } from './host-client';

/** Failures that mean the host cannot serve (as opposed to answers such as "not found"). */
const TROUBLE: ReadonlySet<HostFailure['kind']> = new Set([
  'timeout',
  'unavailable',
  'malformedReply',
]);

/**
 * The host client with every outage logged as a warning (`host trouble`, the operation and the
 * failure), so an operator's log at the default level shows that participants are turned away.
 * A call the kiosk itself canceled (the participant left) is not trouble. Failures carry no
 * personal data (HttpHostClient's details are error codes and schema paths).
 */
export function withHostTroubleLog(
  host: HostClient,
  logger: { warn(object: object, message: string): void },
  /** Told after each outage logged (the service monitor probes the host at once). */
  onTrouble: () => void = () => {},
): HostClient {
  const logged =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        const signal = args.find((arg): arg is AbortSignal => arg instanceof AbortSignal);
        if (error instanceof HostError && TROUBLE.has(error.failure.kind) && !signal?.aborted) {
          logger.warn({ operation, failure: error.failure }, 'host trouble');
          onTrouble();
        }
        throw error;
      }
    };
  return {
    lookup: logged('lookup', (...a) => host.lookup(...a)),
    verifyBirthDate: logged('verifyBirthDate', (...a) => host.verifyBirthDate(...a)),
    verifyBankCard: logged('verifyBankCard', (...a) => host.verifyBankCard(...a)),
    sendOtp: logged('sendOtp', (...a) => host.sendOtp(...a)),
    verifyOtp: logged('verifyOtp', (...a) => host.verifyOtp(...a)),
    balance: logged('balance', (...a) => host.balance(...a)),
    contributions: logged('contributions', (...a) => host.contributions(...a)),
    ping: logged('ping', (...a) => host.ping(...a)),
    sendJournalAnchor: logged('sendJournalAnchor', (...a) => host.sendJournalAnchor(...a)),
    latestJournalAnchor: logged('latestJournalAnchor', (...a) => host.latestJournalAnchor(...a)),
    journalShipped: logged('journalShipped', (...a) => host.journalShipped(...a)),
    shipJournalRecords: logged('shipJournalRecords', (...a) => host.shipJournalRecords(...a)),
  };
}
