/**
 * ESC/POS real-time status: `DLE EOT n` (10 04 n) makes the printer answer one byte at once,
 * even while it is offline. Every valid answer matches the bit pattern 0xx1xx10.
 */
export const DLE = 0x10;
export const EOT = 0x04;

export type StatusKind = 'printer' | 'offlineCause' | 'errorCause' | 'paperSensor';

export const STATUS_QUERY_N: Record<StatusKind, number> = {
  printer: 1,
  offlineCause: 2,
  errorCause: 3,
  paperSensor: 4,
};

export function statusQuery(kind: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, STATUS_QUERY_N[kind]);
}

/** Fixed bits: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export interface PrinterStatusBits {
  offline: boolean;
  /** Drawer kick-out connector pin 3 high: reported, not used by the kiosk. */
  drawerPin3High: boolean;
  waitingForOnlineRecovery: boolean;
  feedButtonPressed: boolean;
}

export interface OfflineCauseBits {
  coverOpen: boolean;
  feedingByButton: boolean;
  stoppedByPaperEnd: boolean;
  errorOccurred: boolean;
}

export interface ErrorCauseBits {
  recoverable: boolean;
  cutterError: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
}

export interface PaperSensorBits {
  nearEnd: boolean;
  end: boolean;
}

const bit = (byte: number, mask: number) => (byte & mask) !== 0;

/** Each parser returns undefined for a byte that is not a status answer. */
export function parsePrinterStatus(byte: number): PrinterStatusBits | undefined {
  if (!isStatusByte(byte)) return undefined;
  return {
    drawerPin3High: bit(byte, 0x04),
    offline: bit(byte, 0x08),
    waitingForOnlineRecovery: bit(byte, 0x20),
    feedButtonPressed: bit(byte, 0x40),
  };
}

export function parseOfflineCause(byte: number): OfflineCauseBits | undefined {
  if (!isStatusByte(byte)) return undefined;
  return {
    coverOpen: bit(byte, 0x04),
    feedingByButton: bit(byte, 0x08),
    stoppedByPaperEnd: bit(byte, 0x20),
    errorOccurred: bit(byte, 0x40),
  };
}

export function parseErrorCause(byte: number): ErrorCauseBits | undefined {
  if (!isStatusByte(byte)) return undefined;
  return {
    recoverable: bit(byte, 0x04),
    cutterError: bit(byte, 0x08),
    unrecoverable: bit(byte, 0x20),
    autoRecoverable: bit(byte, 0x40),
  };
}

/** Some printers set only one of each sensor's two bits, so either bit counts. */
export function parsePaperSensor(byte: number): PaperSensorBits | undefined {
  if (!isStatusByte(byte)) return undefined;
  return { nearEnd: bit(byte, 0x0c), end: bit(byte, 0x60) };
}

/** Builds status bytes (the fixed bits plus flags); used by simulators and tests. */
export function statusByte(flags: number): number {
  return (flags & ~0x93 & 0xff) | 0x12;
}
