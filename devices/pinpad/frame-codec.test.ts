import { describe, expect, it } from 'vitest';
import { encodeFrame, ETX, FrameParser, MAX_FRAME_BODY, STX } from './frame-codec';
import type { FrameError } from './frame-codec';
import { crc16CcittFalse } from './crc16';

function collect() {
  const frames: unknown[] = [];
  const errors: FrameError[] = [];
  const parser = new FrameParser(
    (m) => frames.push(m),
    (e) => errors.push(e),
  );
  return { parser, frames, errors };
}

describe('pin pad frame codec', () => {
  it('frames as STX, JSON, ETX and a four-digit hex CRC-16/CCITT-FALSE', () => {
    const frame = encodeFrame({ t: 'cmd', id: 1, cmd: 'hello' });
    expect(frame[0]).toBe(STX);
    expect(frame[frame.length - 5]).toBe(ETX);
    expect(frame.subarray(1, -5).toString()).toBe('{"t":"cmd","id":1,"cmd":"hello"}');
    const check = crc16CcittFalse(frame.subarray(1, -4));
    expect(frame.subarray(-4).toString('ascii')).toBe(
      check.toString(16).toUpperCase().padStart(4, '0'),
    );
  });

  it('uses the standard CRC-16/CCITT-FALSE (check value 29B1)', () => {
    expect(crc16CcittFalse(Buffer.from('123456789', 'ascii'))).toBe(0x29b1);
  });

  it('rejects a frame whose two body bytes were swapped (an XOR checksum cannot see it)', () => {
    const { parser, frames, errors } = collect();
    const frame = encodeFrame({ pinBlock: '1B9C1845EB993A7A' });
    const swapped = Buffer.from(frame);
    const at = swapped.indexOf('1B9C');
    [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
    parser.push(swapped);
    expect(frames).toEqual([]);
    expect(errors).toEqual(['badChecksum']);
  });

  it('escapes control characters so STX and ETX never appear inside a body', () => {
    const frame = encodeFrame({ s: '\u0002\u0003' });
    expect(frame.subarray(1, -5).includes(STX)).toBe(false);
    expect(frame.subarray(1, -5).includes(ETX)).toBe(false);
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
});
