/**
 * A byte pipe to a device. Drivers speak their protocol over this and never know whether the
 * other end is a serial port, a HID report stream, a TCP socket or an in-memory simulator.
 */
export interface Transport {
  /** Human-readable description for technicians, e.g. `serial:/dev/ttyUSB0@9600`. */
  readonly description: string;
  open(): Promise<void>;
  close(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  /** Bytes as they arrive. Returns an unsubscribe function. */
  onData(listener: (data: Uint8Array) => void): () => void;
  /** Called once when the link is lost (cable pulled, socket reset). */
  onClose(listener: (error?: Error) => void): () => void;
  readonly isOpen: boolean;
}
