import { describe, expect, it } from 'vitest';
import {
  CARD_DATA_REPORT_SIZE,
  encodeCardDataReport,
  encodeMediaReport,
  HidCardReportDecoder,
  parseCardReaderReport,
} from './hid-report';

const track2 = ';4761739001010010=2812201?';

describe('card reader HID reports', () => {
  it('round-trips a card-data report in the documented 337-byte layout', () => {
    const report = encodeCardDataReport([
      { status: 'error' },
      { status: 'ok', data: track2 },
      { status: 'absent' },
    ]);
    expect(report.length).toBe(CARD_DATA_REPORT_SIZE);
    expect([...report.subarray(0, 7)]).toEqual([1, 1, 0, 2, 0, track2.length, 0]);
    expect(Buffer.from(report.subarray(117, 117 + track2.length)).toString('latin1')).toBe(track2);
    expect(parseCardReaderReport(report)).toEqual({
      kind: 'tracks',
      tracks: {
        track1: { status: 'error' },
        track2: { status: 'ok', data: track2 },
        track3: { status: 'absent' },
      },
    });
  });

  it('decodes media reports', () => {
    expect(parseCardReaderReport(encodeMediaReport('jammed'))).toEqual({
      kind: 'media',
      media: 'jammed',
    });
    expect(parseCardReaderReport(Uint8Array.of(2, 9)).kind).toBe('malformed');
  });

  it.each([
    ['empty report', new Uint8Array(0), false],
    ['unknown report id', Uint8Array.of(7, 1, 2), false],
    ['too short', Uint8Array.of(1, 0, 0, 0), true],
    [
      'unknown track status',
      (() => {
        const r = new Uint8Array(CARD_DATA_REPORT_SIZE);
        r[0] = 1;
        r[1] = 5;
        return r;
      })(),
      true,
    ],
    [
      'length out of range',
      (() => {
        const r = new Uint8Array(CARD_DATA_REPORT_SIZE);
        r[0] = 1;
        r[5] = 111;
        return r;
      })(),
      true,
    ],
  ])('rejects %s', (reason, report, cardData) => {
    const message = parseCardReaderReport(report);
    expect(message).toMatchObject({ kind: 'malformed', cardData });
    if (message.kind === 'malformed') expect(message.reason).toContain(reason);
  });

  it('treats every chunk as one report and counts rejected bytes', () => {
    const decoder = new HidCardReportDecoder();
    expect(decoder.push(Uint8Array.of(9, 9, 9))[0]?.kind).toBe('malformed');
    expect(decoder.ignoredBytes).toBe(3);
    expect([...decoder.statusRequest()]).toEqual([3]);
  });
});
