import type { ScanMessage, ScannerCodec } from './scan-messages';
import { stripAimIdentifier } from './symbology';

/**
 * Serial (or USB-CDC) scanners send each scan as UTF-8 text ended by CR, LF or CR LF, optionally
 * prefixed with an AIM symbology identifier. Lines longer than MAX_LINE are dropped whole.
 */
export const MAX_LINE = 1024;
const CR = 0x0d;
const LF = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeScanLine(bytes: Uint8Array): ScanMessage {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'malformed', reason: 'scan is not valid UTF-8' };
  }
  const { symbology, data } = stripAimIdentifier(text);
  return { kind: 'scan', text: data, symbology };
}

export class ScannerLineDecoder implements ScannerCodec {
  readonly mode = 'serial' as const;
  private line: number[] = [];
  private overflowing = false;

  hasPartialScan(): boolean {
    return this.line.length > 0 || this.overflowing;
  }

  reset(): void {
    this.line = [];
    this.overflowing = false;
  }

  push(chunk: Uint8Array): ScanMessage[] {
    const messages: ScanMessage[] = [];
    for (const byte of chunk) {
      if (byte === CR || byte === LF) {
        if (this.overflowing)
          messages.push({ kind: 'malformed', reason: 'scan longer than 1024 bytes' });
        else if (this.line.length > 0) messages.push(decodeScanLine(Uint8Array.from(this.line)));
        this.reset();
        continue;
      }
      if (this.overflowing) continue;
      this.line.push(byte);
      if (this.line.length > MAX_LINE) {
        this.line = [];
        this.overflowing = true;
      }
    }
    return messages;
  }
}
