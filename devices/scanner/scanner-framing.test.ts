import { describe, expect, it } from 'vitest';
import { encodeScanReports, HidScanReportDecoder, SCAN_REPORT_SIZE } from './hid-pos-report';
import { ScannerLineDecoder } from './serial-lines';
import { stripAimIdentifier } from './symbology';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ScannerLineDecoder', () => {
  it('splits on CR, LF and CR LF and strips AIM identifiers', () => {
    const decoder = new ScannerLineDecoder();
    expect(decoder.push(bytes(']C012345678901\r\nKPJ:12345678901\r]Q1{"kpj":"1"}\n\n'))).toEqual([
      { kind: 'scan', text: '12345678901', symbology: 'code128' },
      { kind: 'scan', text: 'KPJ:12345678901', symbology: 'unknown' },
      { kind: 'scan', text: '{"kpj":"1"}', symbology: 'qr' },
    ]);
  });

  it('reassembles a line across chunks', () => {
    const decoder = new ScannerLineDecoder();
    expect(decoder.push(bytes('12345'))).toEqual([]);
    expect(decoder.hasPartialScan()).toBe(true);
    expect(decoder.push(bytes('678901\r'))).toEqual([
      { kind: 'scan', text: '12345678901', symbology: 'unknown' },
    ]);
    expect(decoder.hasPartialScan()).toBe(false);
  });

  it('rejects invalid UTF-8 and overlong lines', () => {
    const decoder = new ScannerLineDecoder();
    expect(decoder.push(Uint8Array.of(0xff, 0xfe, 0x0d))).toEqual([
      { kind: 'malformed', reason: 'scan is not valid UTF-8' },
    ]);
    expect(
      decoder.push(Uint8Array.from([...new Array(2000).fill(0x31), 0x0d, 0x31, 0x0d])),
    ).toEqual([
      { kind: 'malformed', reason: 'scan longer than 1024 bytes' },
      { kind: 'scan', text: '1', symbology: 'unknown' },
    ]);
  });
});

describe('HID POS-style scan reports', () => {
  it('carries a long QR payload over several 64-byte reports', () => {
    const payload =
      'https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=12345678901&note=' + 'x'.repeat(40);
    const reports = encodeScanReports(bytes(payload), ']Q1');
    expect(reports.length).toBe(2);
    expect(reports.every((r) => r.length === SCAN_REPORT_SIZE)).toBe(true);
    expect(reports.map((r) => r[61])).toEqual([1, 0]);
    const decoder = new HidScanReportDecoder();
    expect(decoder.push(reports[0]!)).toEqual([]);
    expect(decoder.push(reports[1]!)).toEqual([{ kind: 'scan', text: payload, symbology: 'qr' }]);
  });

  it.each([
    ['unknown report id', Uint8Array.of(9, 1, 2)],
    ['too short', Uint8Array.of(2, 1)],
    [
      'length out of range',
      (() => {
        const r = new Uint8Array(64);
        r[0] = 2;
        r[1] = 57;
        return r;
      })(),
    ],
    [
      'empty scan',
      (() => {
        const r = new Uint8Array(64);
        r[0] = 2;
        return r;
      })(),
    ],
  ])('rejects a report: %s', (reason, report) => {
    const [message] = new HidScanReportDecoder().push(report);
    expect(message).toMatchObject({ kind: 'malformed' });
    if (message?.kind === 'malformed') expect(message.reason).toContain(reason);
  });

  it('gives up on a scan spanning more than 1024 bytes', () => {
    const decoder = new HidScanReportDecoder();
    const reports = encodeScanReports(new Uint8Array(1100).fill(0x31));
    const out = reports.flatMap((r) => decoder.push(r));
    expect(out[0]).toEqual({ kind: 'malformed', reason: 'scan longer than 1024 bytes' });
  });
});

describe('stripAimIdentifier', () => {
  it('knows common identifiers and leaves plain text alone', () => {
    expect(stripAimIdentifier(']E0123')).toEqual({ symbology: 'ean', data: '123' });
    expect(stripAimIdentifier(']Z9abc')).toEqual({ symbology: 'other', data: 'abc' });
    expect(stripAimIdentifier(']C')).toEqual({ symbology: 'unknown', data: ']C' });
  });
});
