import type { Transport } from '../common/transport';
import { ListenerSet } from './listener-set';

/**
 * The part of a node-hid device this transport uses (`HID` and `HIDAsync` both fit). Tests
 * inject a simulated device because there is no /dev/uhid in the test environment.
 */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** First byte: the output report ID (0x00 for devices without numbered reports). */
  write(values: number[] | Buffer): number | Promise<number>;
  close(): void | Promise<void>;
  removeAllListeners?(event?: string): unknown;
}

export type HidTarget = { path: string } | { vendorId: number; productId: number };

export interface HidTransportOptions {
  target: HidTarget;
  /** Opens the device; default node-hid `HIDAsync.open`. */
  openDevice?: (target: HidTarget) => Promise<HidDeviceLike>;
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export function describeHidTarget(target: HidTarget): string {
  return 'path' in target
    ? `hid:${target.path}`
    : `hid:${hex4(target.vendorId)}:${hex4(target.productId)}`;
}

async function openWithNodeHid(target: HidTarget): Promise<HidDeviceLike> {
  const { HIDAsync } = await import('node-hid');
  return 'path' in target
    ? HIDAsync.open(target.path)
    : HIDAsync.open(target.vendorId, target.productId);
}

/**
 * A HID device in HID-data (vendor / POS usage page) mode as a Transport. Every `onData` chunk
 * is exactly one input report, report ID first, so drivers may treat chunks as reports.
 *
 * Keyboard-wedge devices (HID keyboard usage page): macOS and Windows own keyboards and node-hid
 * does not get their reports; Linux hidraw hands them over (8-byte boot keyboard reports, which
 * the keyboard-wedge scanner driver reads). Elsewhere, switch such devices to HID-data (HID POS)
 * or serial (USB CDC) mode with the vendor's configuration codes.
 */
export class HidTransport implements Transport {
  readonly description: string;
  private device: HidDeviceLike | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();
  private readonly openDevice: (target: HidTarget) => Promise<HidDeviceLike>;

  constructor(private readonly options: HidTransportOptions) {
    this.description = describeHidTarget(options.target);
    this.openDevice = options.openDevice ?? openWithNodeHid;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const device = await this.openDevice(this.options.target);
    device.on('data', (report: Buffer) => {
      if (this.device === device) this.data.emit(new Uint8Array(report));
    });
    // node-hid reports an unplugged device as a read error; the handle is dead after that.
    device.on('error', (error: Error) => {
      if (this.device !== device) return;
      this.device = undefined;
      void this.release(device);
      this.closed.emit(error);
    });
    this.device = device;
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = undefined;
    await this.release(device);
    this.closed.emit(undefined);
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new Error(`${this.description} is not open`);
    const written = await device.write(Buffer.from(data));
    if (written < 0) throw new Error(`${this.description}: write failed`);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private async release(device: HidDeviceLike): Promise<void> {
    try {
      device.removeAllListeners?.('data');
      await device.close();
    } catch {
      // A device that is already gone cannot be closed twice.
    }
  }
}
