import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, edits } from '../../test-support/fuzz-edits';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { EvdevKeyDecoder } from './evdev-decoder';
import { encodeScanReports, HidScanReportDecoder } from './hid-pos-report';
import { KeyboardReportDecoder } from './keyboard-report-decoder';
import type { ScanMessage } from './scan-messages';
import { parseScannerPayload } from './scanner-payload';
import { ScannerLineDecoder } from './serial-lines';

const SEEDS = [
  '12345678901',
  'KPJ:1234 5678 901',
  'https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=12345678901',
  '{"kpj":"12345678901"}',
];

const counts = {
  payloadCases: 0,
  payloadsAccepted: 0,
  lineChunks: 0,
  lineMessages: 0,
  hidReports: 0,
  hidMessages: 0,
  keyboardChunks: 0,
  keyboardMessages: 0,
};
afterAll(() => reportFuzzCounts('scanner parsers', counts));

const randomText = fc
  .array(fc.integer({ min: 0, max: 0x2fff }), { maxLength: 80 })
  .map((codes) => String.fromCharCode(...codes));
const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), edits(0, 0x7f))
  .map(([seed, changes]) => applyEdits(seed, changes));

const safe = (reason: string) => {
  expect(reason).toMatch(/^[\w :()'.,/-]+$/);
  expect(reason).not.toMatch(/\d{5}/);
};

function check(message: ScanMessage): void {
  if (message.kind === 'malformed') {
    safe(message.reason);
    return;
  }
  const parsed = parseScannerPayload(message.text);
  if (parsed.ok) expect(parsed.kpj).toMatch(/^\d{11}$/);
  else safe(parsed.reason);
}

describe('fuzz: scanner parsers never throw and give clear reasons', () => {
  it('payload parser on noise and mutated valid payloads', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, mutatedSeed), (input) => {
        counts.payloadCases += 1;
        const parsed = parseScannerPayload(input);
        if (parsed.ok) {
          counts.payloadsAccepted += 1;
          expect(parsed.kpj).toMatch(/^\d{11}$/);
        } else safe(parsed.reason);
      }),
      fuzzParameters(),
    );
  });

  it('line decoder on random byte chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 8 }), (chunks) => {
        const decoder = new ScannerLineDecoder();
        for (const chunk of chunks) {
          counts.lineChunks += 1;
          for (const message of decoder.push(chunk)) {
            counts.lineMessages += 1;
            check(message);
          }
        }
        decoder.push(Uint8Array.of(0x0d));
        expect(decoder.push(new TextEncoder().encode('12345678901\r\n'))).toEqual([
          { kind: 'scan', text: '12345678901', symbology: 'unknown' },
        ]);
      }),
      fuzzParameters(),
    );
  });

  it('HID report decoder on random and damaged reports', () => {
    const damaged = fc
      .tuple(
        fc.constantFrom(...SEEDS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([seed, changes]) => {
        const report = encodeScanReports(new TextEncoder().encode(seed), ']Q1')[0]!;
        for (const [at, value] of changes) report[at % report.length] = value;
        return report;
      });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 80 }), damaged), { maxLength: 5 }),
        (reports) => {
          const decoder = new HidScanReportDecoder();
          for (const report of reports) {
            counts.hidReports += 1;
            for (const message of decoder.push(report)) {
              counts.hidMessages += 1;
              check(message);
            }
          }
        },
      ),
      fuzzParameters(),
    );
  });

  it('keyboard-wedge decoders on random reports and random event bytes', () => {
    // Eight-byte chunks look like keyboard reports and three of them like an input_event.
    const chunk = fc.oneof(
      fc.uint8Array({ minLength: 8, maxLength: 8 }),
      fc.uint8Array({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (chunks) => {
        const decoders = [
          new KeyboardReportDecoder(),
          new KeyboardReportDecoder({ reportId: 1 }),
          new EvdevKeyDecoder(),
        ];
        for (const decoder of decoders)
          for (const bytes of chunks) {
            counts.keyboardChunks += 1;
            for (const message of decoder.push(bytes)) {
              counts.keyboardMessages += 1;
              check(message);
            }
          }
      }),
      fuzzParameters(),
    );
  });
});
