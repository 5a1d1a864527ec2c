import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { applyEdits, edits } from '../../test-support/fuzz-edits';
import { createMemoryTransportPair } from '../transports/memory-transport';
import { Xfs4IoTClient } from './client';
import { encodeMessage, parseMessage } from './envelope';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const completionFor = (requestId: number) =>
  encodeMessage(
    {
      type: 'completion',
      name: 'Common.Status',
      requestId,
      version: '3.0',
      completionCode: 'success',
    },
    { common: { device: 'online' } },
  );

/** What a service might plausibly send, and what a broken one might. */
const serviceFrame = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      header: fc.record(
        {
          type: fc.constantFrom(
            'acknowledge',
            'event',
            'completion',
            'unsolicited',
            'command',
            'x',
          ),
          name: fc.constantFrom('Common.Status', 'CardReader.MediaInsertedEvent', 'Bad', ''),
          requestId: fc.oneof(fc.integer(), fc.constant(null), fc.double()),
          version: fc.constantFrom('3.0', '2.0', 'v1', ''),
          completionCode: fc.oneof(
            fc.constantFrom('success', 'timeOut', 'nope'),
            fc.constant(null),
          ),
        },
        { requiredKeys: [] },
      ),
      payload: fc.oneof(fc.object(), fc.constant(null), fc.string(), fc.array(fc.integer())),
    })
    .map((message) => JSON.stringify(message)),
  fc
    .tuple(fc.nat({ max: 5 }), edits(0x20, 0x7e))
    .map(([requestId, changes]) => applyEdits(completionFor(requestId + 1), changes)),
);

describe('the XFS4IoT envelope and client under arbitrary service messages', () => {
  it('parseMessage never throws and says what is wrong with what it refuses', () => {
    const counts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(serviceFrame, (text) => {
        const parsed = parseMessage(text);
        counts[parsed.ok ? 'accepted' : 'refused'] += 1;
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
      }),
      fuzzParameters(),
    );
    reportFuzzCounts('xfs4iot envelope', counts);
    expect(counts.accepted).toBeGreaterThan(0);
  });

  it('the client drops what it cannot use and still completes the command it waits for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(serviceFrame, { maxLength: 8 }), async (frames) => {
        const { host, device } = createMemoryTransportPair('xfs4iot');
        await host.open();
        await device.open();
        const client = new Xfs4IoTClient(host, { graceMs: 100 });
        const dropped: string[] = [];
        client.onProtocolError((error) => dropped.push(error));
        device.onData((bytes) => {
          const { header } = JSON.parse(decoder.decode(bytes)) as { header: { requestId: number } };
          void (async () => {
            for (const frame of frames) await device.write(encoder.encode(frame));
            await device.write(encoder.encode(completionFor(header.requestId)));
          })();
        });
        const outcome = await client.command('Common.Status', {}, { timeoutMs: 2000 });
        // Garbage may not finish or fail the command; only a well-formed completion for it may.
        expect(['success', 'timeOut', 'canceled', 'deviceNotReady']).toContain(
          outcome.completionCode,
        );
        if (frames.every((frame) => !frame.includes('"completion"')))
          expect(outcome.completionCode).toBe('success');
        client.dispose();
        await host.close();
      }),
      fuzzParameters(),
    );
  });
});
