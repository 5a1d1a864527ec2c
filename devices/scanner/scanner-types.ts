import type { DeviceStatusBase } from '../common/device';
import type { PayloadSource } from './scanner-payload';
import type { ScannerMode } from './scan-messages';
import type { Symbology } from './symbology';

export type ScannerStatus = DeviceStatusBase;

export interface ScannerCapabilities {
  /** Serial: CR/LF-terminated lines. HID: HID POS-style reports. Keyboard: keyboard-wedge keys. */
  mode: ScannerMode;
  transport: string;
  payloads: PayloadSource[];
  aimIdentifiers: true;
}

/** Masked: the full KPJ comes from `Scanner.takeKpj()`. */
export interface ScanSummary {
  maskedKpj: string;
  source: PayloadSource;
  symbology: Symbology;
}

export interface ScannedEvent {
  type: 'scanned';
  scan: ScanSummary;
}
/** Something was scanned that is not an accepted KPJ payload. `reason` never echoes it. */
export interface ScanInvalidDataEvent {
  type: 'invalidData';
  reason: string;
}
export interface ScannerLinkLostEvent {
  type: 'linkLost';
  reason: string;
}

export type ScannerEvent = ScannedEvent | ScanInvalidDataEvent | ScannerLinkLostEvent;
