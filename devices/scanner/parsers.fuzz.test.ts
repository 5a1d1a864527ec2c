import { describe, expect, it } from 'vitest';
import { encodeScanReports, HidScanReportDecoder } from './hid-pos-report';
import type { ScanMessage } from './scan-messages';
import { parseScannerPayload } from './scanner-payload';
import { ScannerLineDecoder } from './serial-lines';

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

const CASES = 3000;
const SEEDS = [
  '12345678901',
  'KPJ:1234 5678 901',
  'https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=12345678901',
  '{"kpj":"12345678901"}',
];

const randomText = (next: () => number, max: number) =>
  String.fromCharCode(
    ...Array.from({ length: Math.floor(next() * max) }, () => Math.floor(next() * 0x3000)),
  );

function mutate(next: () => number, input: string): string {
  const chars = [...input];
  for (let i = 0; i < 1 + Math.floor(next() * 3); i++) {
    const at = Math.floor(next() * (chars.length + 1));
    const char = String.fromCharCode(Math.floor(next() * 0x80));
    const choice = next();
    if (choice < 0.4) chars[at] = char;
    else if (choice < 0.7) chars.splice(at, 0, char);
    else chars.splice(at, 1);
  }
  return chars.join('');
}

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
    const next = prng(11);
    for (let i = 0; i < CASES; i++) {
      for (const input of [randomText(next, 80), mutate(next, SEEDS[i % SEEDS.length]!)]) {
        const parsed = parseScannerPayload(input);
        if (parsed.ok) expect(parsed.kpj).toMatch(/^\d{11}$/);
        else safe(parsed.reason);
      }
    }
  });

  it('line decoder on random byte chunks', () => {
    const next = prng(13);
    const decoder = new ScannerLineDecoder();
    for (let i = 0; i < CASES; i++) {
      const chunk = Uint8Array.from({ length: Math.floor(next() * 120) }, () =>
        Math.floor(next() * 256),
      );
      decoder.push(chunk).forEach(check);
    }
    decoder.push(Uint8Array.of(0x0d));
    expect(decoder.push(new TextEncoder().encode('12345678901\r\n'))).toEqual([
      { kind: 'scan', text: '12345678901', symbology: 'unknown' },
    ]);
  });

  it('HID report decoder on random and damaged reports', () => {
    const next = prng(17);
    const decoder = new HidScanReportDecoder();
    for (let i = 0; i < CASES; i++) {
      let report: Uint8Array;
      if (next() < 0.5) {
        report = Uint8Array.from({ length: Math.floor(next() * 80) }, () =>
          Math.floor(next() * 256),
        );
      } else {
        report = encodeScanReports(new TextEncoder().encode(SEEDS[i % SEEDS.length]!), ']Q1')[0]!;
        for (let k = 0; k < 3; k++)
          report[Math.floor(next() * report.length)] = Math.floor(next() * 256);
      }
      decoder.push(report).forEach(check);
    }
  });
});
