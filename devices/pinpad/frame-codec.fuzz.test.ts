import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { encodeFrame, ETX, FrameParser, STX } from './frame-codec';
import { DeviceMessage, PinEntryValue } from './protocol';

const counts = {
  garbageCases: 0,
  recovered: 0,
  swapCases: 0,
  swapAccepted: 0,
  swapAcceptedSchemaValidAltered: 0,
  bitFlipCases: 0,
  bitFlipAccepted: 0,
};
afterAll(() => reportFuzzCounts('pinpad frames', counts));

const hex = (bytes: number) =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .map((b) => Buffer.from(b).toString('hex').toUpperCase());

/** What a pad sends: PIN entry results of both formats and key events. */
const deviceMessage = fc.oneof(
  fc.record({
    t: fc.constant('cpl' as const),
    id: fc.integer({ min: 1, max: 0x7fffffff }),
    code: fc.constant('success' as const),
    value: fc.oneof(
      fc.record({
        format: fc.constant(0),
        pinBlock: hex(8),
        ksn: hex(10),
        digits: fc.integer({ min: 4, max: 12 }),
      }),
      fc.record({
        format: fc.constant(4),
        pinBlock: hex(16),
        ksn: hex(12),
        digits: fc.integer({ min: 4, max: 12 }),
      }),
    ),
  }),
  fc.record({
    t: fc.constant('evt' as const),
    evt: fc.constant('pinKey' as const),
    digits: fc.integer({ min: 0, max: 12 }),
    key: fc.constantFrom('digit', 'enter', 'clear', 'cancel', 'backspace'),
  }),
);

function parseAll(bytes: Uint8Array): unknown[] {
  const frames: unknown[] = [];
  new FrameParser((frame) => frames.push(frame)).push(bytes);
  return frames;
}

/** A frame accepted after the damage that still passes the schema and carries a changed PIN block or KSN. */
function alteredButValid(original: object, frame: unknown): boolean {
  const message = DeviceMessage.safeParse(frame);
  if (!message.success || message.data.t !== 'cpl' || message.data.code !== 'success') return false;
  const value = PinEntryValue.safeParse(message.data.value);
  const before = 'value' in original ? original.value : undefined;
  return value.success && JSON.stringify(value.data) !== JSON.stringify(before);
}

describe('pin pad frame codec under fuzz', () => {
  it('random bytes never throw, and a valid frame after any garbage is recovered', () => {
    const garbageByte = fc.oneof(
      fc.constant(STX),
      fc.constant(ETX),
      fc.integer({ min: 0, max: 255 }),
    );
    fc.assert(
      fc.property(
        fc.array(garbageByte, { maxLength: 64 }),
        deviceMessage,
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 40 }),
        (garbage, message, chunkSizes) => {
          const frames: unknown[] = [];
          const parser = new FrameParser((frame) => frames.push(frame));
          expect(() => parser.push(Uint8Array.from(garbage))).not.toThrow();
          const frame = encodeFrame(message);
          for (let offset = 0, i = 0; offset < frame.length; i++) {
            const size = chunkSizes[i % chunkSizes.length]!;
            parser.push(frame.subarray(offset, offset + size));
            offset += size;
          }
          counts.garbageCases += 1;
          expect(frames.at(-1)).toEqual(message);
          counts.recovered += 1;
        },
      ),
      fuzzParameters(),
    );
  });

  it('no frame with two different bytes swapped is accepted', () => {
    fc.assert(
      fc.property(deviceMessage, fc.nat(), fc.nat(), (message, a, b) => {
        const frame = encodeFrame(message);
        const i = a % frame.length;
        const j = b % frame.length;
        fc.pre(frame[i] !== frame[j]);
        const swapped = Buffer.from(frame);
        [swapped[i], swapped[j]] = [frame[j]!, frame[i]!];
        counts.swapCases += 1;
        const frames = parseAll(swapped);
        if (frames.length > 0) counts.swapAccepted += 1;
        if (frames.some((f) => alteredButValid(message, f)))
          counts.swapAcceptedSchemaValidAltered += 1;
        expect(frames).toEqual([]);
      }),
      fuzzParameters(),
    );
  });

  it('no frame with a single bit flipped is accepted', () => {
    fc.assert(
      fc.property(deviceMessage, fc.nat(), fc.integer({ min: 0, max: 7 }), (message, a, bit) => {
        const frame = encodeFrame(message);
        const flipped = Buffer.from(frame);
        const at = a % frame.length;
        flipped[at] = flipped[at]! ^ (1 << bit);
        counts.bitFlipCases += 1;
        const frames = parseAll(flipped);
        if (frames.length > 0) counts.bitFlipAccepted += 1;
        expect(frames).toEqual([]);
      }),
      fuzzParameters(),
    );
  });
});
