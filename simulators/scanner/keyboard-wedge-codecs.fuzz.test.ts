import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EV_KEY, EV_MSC, EV_SYN, EvdevKeyDecoder } from '../../devices/scanner/evdev-decoder';
import { KeyboardReportDecoder } from '../../devices/scanner/keyboard-report-decoder';
import { parseScannerPayload } from '../../devices/scanner/scanner-payload';
import { stripAimIdentifier } from '../../devices/scanner/symbology';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import {
  concatBytes,
  inputEvent,
  inputEventsFor,
  keyboardReportsFor,
} from './keyboard-wedge-encoder';

const counts = { reportCases: 0, reports: 0, eventCases: 0, eventChunks: 0 };
afterAll(() => reportFuzzCounts('keyboard-wedge codecs', counts));

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 120,
});
const kpjDigits = fc.string({
  unit: fc.constantFrom(...'0123456789'),
  minLength: 11,
  maxLength: 11,
});
/** The payloads of docs/scanner-payloads.md, around any 11 digits, with an optional AIM prefix. */
const kpjPayload = fc
  .tuple(
    kpjDigits,
    fc.constantFrom<(kpj: string) => string>(
      (kpj) => kpj,
      (kpj) => `${kpj.slice(0, 4)} ${kpj.slice(4, 8)} ${kpj.slice(8)}`,
      (kpj) => `KPJ:${kpj}`,
      (kpj) => `https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=${kpj}`,
      (kpj) => JSON.stringify({ type: 'jmo-kartu', v: 1, kpj }),
    ),
    fc.constantFrom('', ']C0', ']Q1'),
  )
  .map(([kpj, form, aim]) => ({ kpj, text: aim + form(kpj) }));

const scanOf = (text: string) => {
  const { symbology, data } = stripAimIdentifier(text);
  return [{ kind: 'scan', text: data, symbology }];
};

/**
 * What a real keyboard adds to the clean reports: a report sent again while nothing changed
 * (`repeat`), idle reports between keys (no key, maybe a modifier alone, or ErrorRollOver),
 * and the next key going down before the last one is up (`rollover`).
 */
interface ReportNoise {
  repeat: number;
  idle: Uint8Array[];
  rollover: boolean;
}
const idleReport = fc.oneof(
  fc
    .integer({ min: 0, max: 0xff })
    .map((modifiers) => Uint8Array.of(modifiers, 0, 0, 0, 0, 0, 0, 0)),
  fc.constant(Uint8Array.of(0, 0, 1, 1, 1, 1, 1, 1)),
);
const reportNoise = fc.record<ReportNoise>({
  repeat: fc.integer({ min: 0, max: 2 }),
  idle: fc.array(idleReport, { maxLength: 2 }),
  rollover: fc.boolean(),
});

/** Reports come as [down, up] per key; noise is applied per key, to its down and its up. */
function withReportNoise(reports: Uint8Array[], noise: ReportNoise[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < reports.length; i += 2) {
    const down = reports[i]!;
    const { repeat, idle, rollover } = noise[(i / 2) % noise.length]!;
    for (let r = 0; r <= repeat; r++) out.push(down);
    const next = reports[i + 2];
    if (rollover && next && next[2] !== down[2]) {
      // The next key is pressed while this one is still down, with the next key's Shift.
      out.push(Uint8Array.of(next[0]!, 0, down[2]!, next[2]!, 0, 0, 0, 0));
      continue;
    }
    out.push(reports[i + 1]!, ...idle);
  }
  return out;
}

/** Events the decoder must not take as keys: auto-repeats, stray releases, SYN, MSC, LED. */
const noiseEvent = fc.oneof(
  fc.integer({ min: 1, max: 127 }).map((code) => inputEvent(EV_KEY, code, 2)),
  fc
    .integer({ min: 1, max: 127 })
    .filter((code) => ![29, 42, 54, 56, 97, 100, 125, 126].includes(code))
    .map((code) => inputEvent(EV_KEY, code, 0)),
  fc.constant(inputEvent(EV_SYN, 0, 0)),
  fc.integer({ min: 0, max: 0xfffff }).map((value) => inputEvent(EV_MSC, 4, value)),
  fc.integer({ min: 0, max: 1 }).map((on) => inputEvent(0x11, 1, on)),
);
const insertions = fc.array(fc.tuple(fc.nat(), noiseEvent), { maxLength: 20 });
const cuts = fc.array(fc.nat(), { maxLength: 12 });

function withEventNoise(events: Uint8Array[], inserts: [number, Uint8Array][]): Uint8Array[] {
  const out = [...events];
  for (const [at, event] of inserts) out.splice(at % (out.length + 1), 0, event);
  return out;
}

function splitAt(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('keyboard-wedge codecs decode whatever a US keyboard typed', () => {
  it('HID reports: any printable ASCII, with held keys, idle reports and rollover', () => {
    fc.assert(
      fc.property(
        printable,
        fc.array(reportNoise, { minLength: 1, maxLength: 8 }),
        (text, noise) => {
          const decoder = new KeyboardReportDecoder();
          const reports = withReportNoise(keyboardReportsFor(text), noise);
          counts.reportCases += 1;
          counts.reports += reports.length;
          expect(reports.flatMap((report) => decoder.push(report))).toEqual(scanOf(text));
          expect(decoder.hasPartialScan()).toBe(false);
        },
      ),
      fuzzParameters(),
    );
  });

  it('HID reports: a KPJ payload gives its KPJ', () => {
    fc.assert(
      fc.property(
        kpjPayload,
        fc.array(reportNoise, { minLength: 1, maxLength: 4 }),
        (payload, noise) => {
          const decoder = new KeyboardReportDecoder({ reportId: 1 });
          const reports = withReportNoise(
            keyboardReportsFor(payload.text, { reportId: 1 }),
            noise.map((n) => ({ ...n, rollover: false, idle: [] })),
          );
          const [message] = reports.flatMap((report) => decoder.push(report));
          expect(message?.kind).toBe('scan');
          if (message?.kind === 'scan')
            expect(parseScannerPayload(message.text)).toMatchObject({ ok: true, kpj: payload.kpj });
        },
      ),
      fuzzParameters(),
    );
  });

  it('evdev events: any printable ASCII, with repeats, stray events, split anywhere', () => {
    fc.assert(
      fc.property(printable, insertions, cuts, (text, inserts, at) => {
        const decoder = new EvdevKeyDecoder();
        const stream = concatBytes(withEventNoise(inputEventsFor(text), inserts));
        const chunks = splitAt(stream, at);
        counts.eventCases += 1;
        counts.eventChunks += chunks.length;
        expect(chunks.flatMap((chunk) => decoder.push(chunk))).toEqual(scanOf(text));
        expect(decoder.hasPartialScan()).toBe(false);
      }),
      fuzzParameters(),
    );
  });

  it('evdev events: two KPJ payloads back to back in one read give both KPJs', () => {
    fc.assert(
      fc.property(kpjPayload, kpjPayload, cuts, (first, second, at) => {
        const decoder = new EvdevKeyDecoder();
        const stream = concatBytes([...inputEventsFor(first.text), ...inputEventsFor(second.text)]);
        const kpjs = splitAt(stream, at)
          .flatMap((chunk) => decoder.push(chunk))
          .map((message) =>
            message.kind === 'scan' ? parseScannerPayload(message.text) : message,
          );
        expect(kpjs).toEqual([
          expect.objectContaining({ ok: true, kpj: first.kpj }),
          expect.objectContaining({ ok: true, kpj: second.kpj }),
        ]);
      }),
      fuzzParameters(),
    );
  });
});
