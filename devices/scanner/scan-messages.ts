import type { Symbology } from './symbology';

/** One decoded message from a scanner, whatever the framing. */
export type ScanMessage =
  | { kind: 'scan'; text: string; symbology: Symbology }
  /** `reason` never contains the scanned data. */
  | { kind: 'malformed'; reason: string };

export interface ScannerCodec {
  readonly mode: 'serial' | 'hid';
  push(chunk: Uint8Array): ScanMessage[];
  hasPartialScan(): boolean;
  reset(): void;
}
