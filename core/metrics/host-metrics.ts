import { HostError, type HostClient } from '../host/host-client';
import type { KioskMetrics } from './kiosk-metrics';
import { HOST_OPERATIONS, type HostOperation } from './label-values';

/**
 * The host client with each call counted and timed for the metrics: its operation, and when it
 * failed the failure's kind, never an argument or a reply. A call the kiosk canceled itself (its
 * signal aborted: the person left) is counted but neither timed nor an error.
 */
export function withHostMetrics(
  host: HostClient,
  metrics: Pick<KioskMetrics, 'hostCall'>,
  clockMs: () => number = () => performance.now(),
): HostClient {
  const measured =
    (operation: HostOperation) =>
    async (...args: unknown[]): Promise<unknown> => {
      const started = clockMs();
      const seconds = () => (clockMs() - started) / 1000;
      try {
        const call = host[operation] as (...a: unknown[]) => Promise<unknown>;
        const reply = await call.apply(host, args);
        metrics.hostCall(operation, { ok: true, seconds: seconds() });
        return reply;
      } catch (error) {
        const signal = args.find((arg): arg is AbortSignal => arg instanceof AbortSignal);
        if (signal?.aborted) metrics.hostCall(operation, { canceled: true });
        else {
          const kind = error instanceof HostError ? error.failure.kind : 'other';
          metrics.hostCall(operation, { ok: false, kind, seconds: seconds() });
        }
        throw error;
      }
    };
  return Object.fromEntries(
    HOST_OPERATIONS.map((operation) => [operation, measured(operation)]),
  ) as unknown as HostClient;
}
