/**
 * The simulator's end of whatever connects it to the driver: a serial line (memory pair,
 * serialport MockBinding, pty) or a simulated HID device. Every Transport fits.
 */
export interface DeviceLink {
  write(data: Uint8Array): Promise<void>;
  /** What the host sends (serial bytes or output reports). */
  onData(listener: (data: Uint8Array) => void): () => void;
}
