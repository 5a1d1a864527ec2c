import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import type { Transport } from '../common/transport';
import { STATUS_QUERY_N, statusByte, type StatusKind } from './escpos-status';
import { StatusQuerier } from './status-query';

/** When something arrives, in ms after the question, and how it is cut into chunks. */
interface Arrival {
  atMs: number;
  bytes: number[];
}

/** A printer link that answers each DLE EOT truthfully while the line adds noise bursts. */
class NoisyPrinterLine implements Transport {
  readonly description = 'fuzz:printer';
  readonly isOpen = true;
  private listener: (data: Uint8Array) => void = () => undefined;
  constructor(private readonly arrivals: (questions: number) => Arrival[]) {}
  open = async () => undefined;
  close = async () => undefined;
  onClose = () => () => undefined;
  onData(listener: (data: Uint8Array) => void): () => void {
    this.listener = listener;
    return () => undefined;
  }
  async write(data: Uint8Array): Promise<void> {
    for (const { atMs, bytes } of this.arrivals(data.length / 3)) {
      setTimeout(() => this.listener(Uint8Array.from(bytes)), atMs);
    }
  }
}

const KINDS = Object.keys(STATUS_QUERY_N) as StatusKind[];
const counts = { cases: 0, accepted: 0, wrongAccepted: 0, askedAgain: 0, gaveUp: 0 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());
afterAll(() => reportFuzzCounts('printer status (noise bursts on DLE EOT)', counts));

describe('DLE EOT answers under noise bursts', () => {
  it('never takes noise for the answer to the question just sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 0x7f }).map(statusByte),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        async (kind, truth, noise, noiseAtMs, answerAtMs, noiseOnlyOnce) => {
          let sent = 0;
          const line = new NoisyPrinterLine((questions) => {
            sent += 1;
            const answers = { atMs: answerAtMs, bytes: Array<number>(questions).fill(truth) };
            const withNoise = !noiseOnlyOnce || sent === 1;
            return withNoise ? [{ atMs: noiseAtMs, bytes: noise }, answers] : [answers];
          });
          const querier = new StatusQuerier(line, { timeoutMs: 100, settleMs: 15 });
          line.onData((data) => querier.accept(data));
          const asking = querier.ask(kind);
          await vi.advanceTimersByTimeAsync(2000);
          const outcome = await asking;
          counts.cases += 1;
          counts.askedAgain += querier.requeries;
          if (outcome.kind === 'answer') {
            counts.accepted += 1;
            if (outcome.byte !== truth) counts.wrongAccepted += 1;
            expect(outcome.byte).toBe(truth);
          } else {
            counts.gaveUp += 1;
            expect(outcome.kind).toBe('doubt');
          }
        },
      ),
      fuzzParameters(),
    );
    expect(counts.wrongAccepted).toBe(0);
  });
});
