import { encodeScanReports } from '../../devices/scanner/hid-pos-report';
import type { DeviceLink } from '../card-reader/device-link';

export type SimSymbology = 'code128' | 'qr';

export interface ScannerSimulatorOptions {
  mode: 'serial' | 'hid';
  /** Serial line terminator the scanner is configured with. */
  terminator?: '\r\n' | '\r' | '\n';
  /** Prefix AIM symbology identifiers (`]C0`, `]Q1`), as many scanners can be set to. */
  aimIds?: boolean;
  /** Slow device: serial bytes one at a time with this pause between them. */
  byteDelayMs?: number;
}

const AIM: Record<SimSymbology, string> = { code128: ']C0', qr: ']Q1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Payload helpers for the kiosk's accepted forms (docs/scanner-payloads.md). */
export const payloads = {
  /** Code 128 on a printed KPJ card, digits grouped as printed. */
  kpjCardBarcode: (kpj: string) => `${kpj.slice(0, 4)} ${kpj.slice(4, 8)} ${kpj.slice(8)}`,
  prefixed: (kpj: string) => `KPJ:${kpj}`,
  jmoUrl: (kpj: string) => `https://jmo.bpjsketenagakerjaan.go.id/kartu?kpj=${kpj}`,
  jmoJson: (kpj: string) => JSON.stringify({ type: 'jmo-kartu', v: 1, kpj }),
};

/** A barcode / QR scanner in serial (CR/LF lines) or HID-data (HID POS-style reports) mode. */
export class ScannerSimulator {
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: DeviceLink,
    private readonly options: ScannerSimulatorOptions,
  ) {}

  /** Scans `payload` as the given symbology and sends it the way the scanner is configured. */
  scan(payload: string, symbology: SimSymbology = 'qr'): Promise<void> {
    const aim = this.options.aimIds ? AIM[symbology] : '';
    if (this.options.mode === 'hid') {
      const reports = encodeScanReports(utf8(payload), aim);
      return this.queue(async () => {
        for (const report of reports) await this.link.write(report);
      });
    }
    return this.queue(() => this.emit(utf8(aim + payload + (this.options.terminator ?? '\r\n'))));
  }

  /** Raw bytes as they are (serial) or as one report (HID). */
  sendGarbage(bytes: Uint8Array): Promise<void> {
    return this.queue(() => this.emit(bytes));
  }

  /** A scan whose terminator never comes (serial) or whose last report never comes (HID). */
  sendPartial(payload: string): Promise<void> {
    if (this.options.mode === 'hid') {
      const [first] = encodeScanReports(utf8(payload.padEnd(60, '0')));
      return this.queue(() => this.link.write(first!));
    }
    return this.queue(() => this.emit(utf8(payload)));
  }

  idle(): Promise<void> {
    return this.sending;
  }

  private queue(job: () => Promise<void>): Promise<void> {
    const next = this.sending.then(job, job);
    this.sending = next.catch(() => undefined);
    return next;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    const delay = this.options.byteDelayMs ?? 0;
    if (delay <= 0 || this.options.mode === 'hid') {
      await this.link.write(bytes);
      return;
    }
    for (const byte of bytes) {
      await this.link.write(Uint8Array.of(byte));
      await sleep(delay);
    }
  }
}
