import { describe, expect, it } from 'vitest';
import { encodeFrame, ETX, FrameParser, MAX_FRAME_BODY, STX } from './frame-codec';
import type { FrameError } from './frame-codec';

function collect() {
  const frames: unknown[] = [];
  const errors: FrameError[] = [];
  const parser = new FrameParser(
    (m) => frames.push(m),
    (e) => errors.push(e),
  );
  return { parser, frames, errors };
}

/** Deterministic PRNG (mulberry32) so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pin pad frame codec', () => {
  it('frames as STX, JSON, ETX and a two-digit hex LRC', () => {
    const frame = encodeFrame({ t: 'cmd', id: 1, cmd: 'hello' });
    expect(frame[0]).toBe(STX);
    expect(frame[frame.length - 3]).toBe(ETX);
    expect(frame.subarray(-2).toString('ascii')).toMatch(/^[0-9A-F]{2}$/);
    expect(frame.subarray(1, -3).toString()).toBe('{"t":"cmd","id":1,"cmd":"hello"}');
  });

  it('escapes control characters so STX and ETX never appear inside a body', () => {
    const frame = encodeFrame({ s: '\u0002\u0003' });
    expect(frame.subarray(1, -3).includes(STX)).toBe(false);
    expect(frame.subarray(1, -3).includes(ETX)).toBe(false);
    const { parser, frames } = collect();
    parser.push(frame);
    expect(frames).toEqual([{ s: '\u0002\u0003' }]);
  });

  it('reassembles frames split into single bytes and several frames in one chunk', () => {
    const { parser, frames } = collect();
    const a = encodeFrame({ n: 1 });
    const b = encodeFrame({ n: 2 });
    for (const byte of a) parser.push(Uint8Array.of(byte));
    parser.push(Buffer.concat([b, a]));
    expect(frames).toEqual([{ n: 1 }, { n: 2 }, { n: 1 }]);
  });

  it('drops a frame with a wrong checksum and keeps going', () => {
    const { parser, frames, errors } = collect();
    const bad = encodeFrame({ n: 1 });
    bad[3] = bad[3]! ^ 0x01;
    parser.push(Buffer.concat([bad, encodeFrame({ n: 2 })]));
    expect(frames).toEqual([{ n: 2 }]);
    expect(errors).toContain('badChecksum');
  });

  it('skips line noise and resynchronises on a half frame', () => {
    const { parser, frames, errors } = collect();
    const half = encodeFrame({ lost: true }).subarray(0, 7);
    parser.push(Buffer.concat([Buffer.from('noise\xff'), half, encodeFrame({ n: 3 })]));
    expect(frames).toEqual([{ n: 3 }]);
    expect(errors).toContain('strayBytes');
  });

  it('drops oversized bodies instead of buffering without bound', () => {
    const { parser, frames, errors } = collect();
    parser.push(Buffer.concat([Buffer.from([STX]), Buffer.alloc(MAX_FRAME_BODY + 10, 0x41)]));
    parser.push(encodeFrame({ n: 4 }));
    expect(errors).toContain('tooLong');
    expect(frames).toEqual([{ n: 4 }]);
  });

  it('refuses to encode a body larger than the limit', () => {
    expect(() => encodeFrame({ s: 'x'.repeat(MAX_FRAME_BODY) })).toThrow(/too long/);
  });

  it('fuzz: random bytes never throw, and a valid frame after any garbage is recovered', () => {
    const random = prng(0x9564);
    const { parser, frames } = collect();
    for (let round = 0; round < 2000; round++) {
      const garbage = Buffer.alloc(Math.floor(random() * 64));
      for (let i = 0; i < garbage.length; i++) {
        // bias towards the bytes that matter to the parser
        const r = random();
        garbage[i] = r < 0.1 ? STX : r < 0.2 ? ETX : Math.floor(random() * 256);
      }
      expect(() => parser.push(garbage)).not.toThrow();
      const marker = { round };
      const frame = encodeFrame(marker);
      // deliver the valid frame in random chunk sizes
      for (let offset = 0; offset < frame.length;) {
        const size = 1 + Math.floor(random() * 8);
        parser.push(frame.subarray(offset, offset + size));
        offset += size;
      }
      expect(frames.at(-1)).toEqual(marker);
    }
  });
});
