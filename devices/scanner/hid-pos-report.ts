import type { ScanMessage, ScannerCodec } from './scan-messages';
import { symbologyOf, type Symbology } from './symbology';
import { decodeScanLine, MAX_LINE } from './serial-lines';

/**
 * HID-data (HID POS style) scanner input report, 64 bytes, report ID first:
 *
 *   [0] 0x02  [1] data length in this report (0..56)
 *   [2..4] AIM symbology identifier (`]C0`, `]Q1`, ...) or 0 0 0
 *   [5..60] data (UTF-8 bytes, zero padded)
 *   [61] flags: bit 0 = more data follows in the next report
 *   [62..63] reserved (0)
 *
 * A scan longer than 56 bytes spans several reports; the last has bit 0 clear.
 */
export const SCAN_REPORT_ID = 0x02;
export const SCAN_REPORT_SIZE = 64;
export const SCAN_REPORT_DATA = 56;

export function encodeScanReports(data: Uint8Array, aimId = ''): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const aim = Uint8Array.from(aimId.padEnd(3, '\0').slice(0, 3), (c) => c.charCodeAt(0) & 0xff);
  let offset = 0;
  do {
    const part = data.subarray(offset, offset + SCAN_REPORT_DATA);
    offset += part.length;
    const report = new Uint8Array(SCAN_REPORT_SIZE);
    report[0] = SCAN_REPORT_ID;
    report[1] = part.length;
    report.set(aim, 2);
    report.set(part, 5);
    report[61] = offset < data.length ? 1 : 0;
    reports.push(report);
  } while (offset < data.length);
  return reports;
}

export class HidScanReportDecoder implements ScannerCodec {
  readonly mode = 'hid' as const;
  private parts: number[] = [];
  private symbology: Symbology = 'unknown';
  private collecting = false;

  hasPartialScan(): boolean {
    return this.collecting;
  }

  reset(): void {
    this.parts = [];
    this.collecting = false;
    this.symbology = 'unknown';
  }

  push(report: Uint8Array): ScanMessage[] {
    if (report[0] !== SCAN_REPORT_ID) return [{ kind: 'malformed', reason: 'unknown report id' }];
    if (report.length < 62) return [{ kind: 'malformed', reason: 'scan report too short' }];
    const length = report[1] ?? 0;
    if (length > SCAN_REPORT_DATA) {
      this.reset();
      return [{ kind: 'malformed', reason: 'scan report length out of range' }];
    }
    if (!this.collecting) {
      const aim = report.subarray(2, 5);
      this.symbology = aim[0] === 0 ? 'unknown' : symbologyOf(String.fromCharCode(...aim));
    }
    this.collecting = true;
    this.parts.push(...report.subarray(5, 5 + length));
    if (this.parts.length > MAX_LINE) {
      this.reset();
      return [{ kind: 'malformed', reason: 'scan longer than 1024 bytes' }];
    }
    if ((report[61] ?? 0) & 1) return [];
    const decoded = decodeScanLine(Uint8Array.from(this.parts));
    const symbology = this.symbology;
    this.reset();
    if (decoded.kind === 'malformed') return [decoded];
    if (decoded.text.length === 0) return [{ kind: 'malformed', reason: 'empty scan' }];
    return [
      {
        kind: 'scan',
        text: decoded.text,
        symbology: decoded.symbology === 'unknown' ? symbology : decoded.symbology,
      },
    ];
  }
}
