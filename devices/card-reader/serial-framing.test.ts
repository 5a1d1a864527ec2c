import { describe, expect, it } from 'vitest';
import {
  encodeCardDataFrame,
  encodeMediaFrame,
  ETX,
  SerialCardFrameDecoder,
  STX,
} from './serial-framing';

const track2 = ';4761739001010010=2812201?';

describe('SerialCardFrameDecoder', () => {
  it('decodes media frames and a card-data frame', () => {
    const decoder = new SerialCardFrameDecoder();
    const bytes = Uint8Array.from([
      ...encodeMediaFrame('present'),
      ...encodeCardDataFrame(['E', track2, '']),
      ...encodeMediaFrame('jammed'),
      ...encodeMediaFrame('noMedia'),
    ]);
    expect(decoder.push(bytes)).toEqual([
      { kind: 'media', media: 'present' },
      {
        kind: 'tracks',
        tracks: {
          track1: { status: 'error' },
          track2: { status: 'ok', data: track2 },
          track3: { status: 'absent' },
        },
      },
      { kind: 'media', media: 'jammed' },
      { kind: 'media', media: 'noMedia' },
    ]);
  });

  it('puts a frame back together from single bytes and knows it is partial meanwhile', () => {
    const decoder = new SerialCardFrameDecoder();
    const frame = encodeCardDataFrame(['', track2, '']);
    const out = [];
    for (let i = 0; i < frame.length; i++) {
      out.push(...decoder.push(frame.subarray(i, i + 1)));
      if (i > 0 && i < frame.length - 1) expect(decoder.hasPartialCardData()).toBe(true);
    }
    expect(out).toHaveLength(1);
    expect(out[0]?.kind).toBe('tracks');
    expect(decoder.hasPartialCardData()).toBe(false);
  });

  it('skips noise between frames and counts it', () => {
    const decoder = new SerialCardFrameDecoder();
    const messages = decoder.push(
      Uint8Array.from([0x41, 0xff, 0x0d, ...encodeMediaFrame('present'), 0x00]),
    );
    expect(messages).toEqual([{ kind: 'media', media: 'present' }]);
    expect(decoder.ignoredBytes).toBe(4);
  });

  it('reports a card frame cut short by a new frame as malformed card data', () => {
    const decoder = new SerialCardFrameDecoder();
    const frame = encodeCardDataFrame(['', track2, '']);
    const messages = decoder.push(
      Uint8Array.from([...frame.subarray(0, 8), ...encodeMediaFrame('noMedia')]),
    );
    expect(messages).toEqual([
      { kind: 'malformed', reason: 'frame cut short', cardData: true },
      { kind: 'media', media: 'noMedia' },
    ]);
  });

  it.each([
    ['unknown frame type', [STX, 0x58, ETX], false],
    ['bad media-state frame', [STX, 0x4d, 0x39, ETX], false],
    ['not CR-terminated', [STX, 0x44, 0x3b, ETX], true],
    ['three track fields', [STX, 0x44, 0x0d, 0x0d, ETX], true],
    ['control character', [STX, 0x44, 0x01, 0x0d, 0x0d, 0x0d, ETX], true],
  ])('marks %s as malformed', (reason, bytes, cardData) => {
    const [message] = new SerialCardFrameDecoder().push(Uint8Array.from(bytes));
    expect(message?.kind).toBe('malformed');
    if (message?.kind === 'malformed') {
      expect(message.reason).toContain(reason);
      expect(message.cardData).toBe(cardData);
    }
  });

  it('drops a frame that never ends after 512 bytes', () => {
    const decoder = new SerialCardFrameDecoder();
    const messages = decoder.push(Uint8Array.from([STX, 0x44, ...new Array(600).fill(0x30)]));
    expect(messages).toEqual([{ kind: 'malformed', reason: 'frame too long', cardData: true }]);
    expect(decoder.hasPartialCardData()).toBe(false);
  });
});
