import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, edits } from '../../test-support/fuzz-edits';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { interpretTracks } from './card-data';
import { encodeCardDataReport, HidCardReportDecoder, parseCardReaderReport } from './hid-report';
import { lrcCharacter } from './iso7811-lrc';
import type { CardReaderMessage, TrackRead } from './raw-tracks';
import { encodeCardDataFrame, SerialCardFrameDecoder } from './serial-framing';
import { parseTrack1, parseTrack2 } from './track-parser';

const TRACK2 = ';4761739001010010=2812201000001234?';
const TRACK1 = '%B4761739001010010^WIBOWO/SITI^2812201000001234?';
const VALID_TRACK2 = TRACK2 + lrcCharacter(TRACK2, 'numeric');
const VALID_TRACK1 = TRACK1 + lrcCharacter(TRACK1, 'alpha');

const counts = {
  trackCases: 0,
  trackAccepted: 0,
  trackPairCases: 0,
  serialChunks: 0,
  serialMessages: 0,
  hidReports: 0,
  hidMessages: 0,
};
afterAll(() => reportFuzzCounts('card reader parsers', counts));

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const text = (max: number) => bytes(max).map((b) => String.fromCharCode(...b));
const printableEdits = edits(0x20, 0x7f);

/** A safe reason: plain words, no run of digits that could be part of a PAN. */
function expectSafeReason(reason: string): void {
  expect(reason).toMatch(/^[\w :()'.,/-]+$/);
  expect(reason).not.toMatch(/\d{5}/);
}

function expectWellFormed(message: CardReaderMessage): void {
  if (message.kind === 'malformed') expectSafeReason(message.reason);
  else if (message.kind === 'tracks') {
    const interpretation = interpretTracks(message.tracks);
    if (!interpretation.ok) expectSafeReason(interpretation.reason);
  }
}

describe('fuzz: card reader parsers never throw and give clear reasons', () => {
  it('track 1 and track 2 parsers on noise and mutations', () => {
    fc.assert(
      fc.property(text(60), printableEdits, printableEdits, (noise, e2, e1) => {
        counts.trackCases += 1;
        const inputs = [noise, applyEdits(VALID_TRACK2, e2), applyEdits(VALID_TRACK1, e1)];
        for (const input of inputs) {
          for (const result of [parseTrack1(input), parseTrack2(input)]) {
            if (result.ok) counts.trackAccepted += 1;
            else expectSafeReason(result.reason);
          }
        }
      }),
      fuzzParameters(),
    );
    // Edits that keep the LRC right (or change nothing) pass; most must be caught.
    expect(counts.trackAccepted).toBeLessThan(counts.trackCases);
  });

  it('interpretTracks on mutated track pairs', () => {
    const read = (data: fc.Arbitrary<string>): fc.Arbitrary<TrackRead> =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant<TrackRead>({ status: 'error' }) },
        { weight: 1, arbitrary: fc.constant<TrackRead>({ status: 'absent' }) },
        { weight: 8, arbitrary: data.map((d): TrackRead => ({ status: 'ok', data: d })) },
      );
    fc.assert(
      fc.property(
        read(printableEdits.map((e) => applyEdits(VALID_TRACK1, e))),
        read(printableEdits.map((e) => applyEdits(VALID_TRACK2, e))),
        read(text(20)),
        (track1, track2, track3) => {
          counts.trackPairCases += 1;
          const result = interpretTracks({ track1, track2, track3 });
          if (!result.ok) expectSafeReason(result.reason);
          else expect(result.summary.maskedPan ?? result.summary.maskedKpj).toMatch(/\*{3,}/);
        },
      ),
      fuzzParameters(),
    );
  });

  it('serial frame decoder on random chunks, noise and damaged frames', () => {
    const good = encodeCardDataFrame(['', VALID_TRACK2, '']);
    const damaged = printableEdits.map((e) =>
      Uint8Array.from(applyEdits(String.fromCharCode(...good), e), (c) => c.charCodeAt(0)),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(bytes(80), damaged), { maxLength: 10 }), (chunks) => {
        const decoder = new SerialCardFrameDecoder();
        for (const chunk of chunks) {
          counts.serialChunks += 1;
          for (const message of decoder.push(chunk)) {
            counts.serialMessages += 1;
            expectWellFormed(message);
          }
        }
        // After any amount of noise, a clean frame still decodes.
        decoder.push(Uint8Array.of(0x03));
        expect(decoder.push(good).at(-1)?.kind).toBe('tracks');
      }),
      fuzzParameters(),
    );
  });

  it('HID report parser on random reports and damaged card-data reports', () => {
    const good = encodeCardDataReport([
      { status: 'absent' },
      { status: 'ok', data: VALID_TRACK2 },
      { status: 'absent' },
    ]);
    const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    });
    const damaged = damage.map((changes) => {
      const report = good.slice();
      for (const [at, value] of changes) report[at % report.length] = value;
      return report;
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(bytes(400), damaged), { maxLength: 5 }), (reports) => {
        const decoder = new HidCardReportDecoder();
        for (const report of reports) {
          counts.hidReports += 1;
          expectWellFormed(parseCardReaderReport(report));
          for (const message of decoder.push(report)) {
            counts.hidMessages += 1;
            expectWellFormed(message);
          }
        }
      }),
      fuzzParameters(),
    );
  });
});
