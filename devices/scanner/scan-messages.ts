import type { Symbology } from './symbology';

/** One decoded message from a scanner, whatever the framing. */
export type ScanMessage =
  | { kind: 'scan'; text: string; symbology: Symbology }
  /** `reason` never contains the scanned data. */
  | { kind: 'malformed'; reason: string };

/** `xfs4iot`: an XFS4IoT BarcodeReader service, which frames and names the symbology itself. */
export type ScannerMode = 'serial' | 'hid' | 'keyboard' | 'xfs4iot';

export interface ScannerCodec {
  /** How the scanner frames its scans, for technicians: `serial`, `hid`, `keyboard`. */
  readonly mode: ScannerMode;
  push(chunk: Uint8Array): ScanMessage[];
  hasPartialScan(): boolean;
  reset(): void;
}
