import { EventEmitter } from 'node:events';
import type { HidDeviceLike, HidTarget } from '../../devices/transports/hid-transport';
import type { DeviceLink } from './device-link';

/** One open handle, shaped like node-hid's HIDAsync. */
class SimulatedHidHandle extends EventEmitter implements HidDeviceLike {
  open = true;

  constructor(private readonly bus: SimulatedHidBus) {
    super();
  }

  write(values: number[] | Buffer): Promise<number> {
    if (!this.open) return Promise.reject(new Error('Cannot write to hid device'));
    const report = Uint8Array.from(values);
    this.bus.hostWrote(report);
    return Promise.resolve(report.length);
  }

  close(): Promise<void> {
    this.open = false;
    this.bus.handleClosed(this);
    return Promise.resolve();
  }
}

/**
 * A USB HID device that can be plugged and unplugged, for tests without /dev/uhid. The driver
 * side opens it through `openDevice` (pass to HidTransport); the simulator side uses `link`
 * to send input reports and hear output reports.
 */
export class SimulatedHidBus {
  private handle: SimulatedHidHandle | undefined;
  private plugged = true;
  private readonly outputListeners = new Set<(report: Uint8Array) => void>();

  constructor(readonly description = 'simulated-hid') {}

  get isPlugged(): boolean {
    return this.plugged;
  }

  /** Goes into HidTransportOptions.openDevice. */
  readonly openDevice = async (_target: HidTarget): Promise<HidDeviceLike> => {
    if (!this.plugged) throw new Error('could not open HID device');
    const handle = new SimulatedHidHandle(this);
    this.handle = handle;
    return handle;
  };

  /** The simulator's end: write = send one input report. Dropped while nobody has it open. */
  readonly link: DeviceLink = {
    write: async (report: Uint8Array) => {
      const handle = this.handle;
      if (!handle?.open || !this.plugged) return;
      const copy = Buffer.from(report);
      setImmediate(() => {
        if (handle.open) handle.emit('data', copy);
      });
    },
    onData: (listener) => {
      this.outputListeners.add(listener);
      return () => this.outputListeners.delete(listener);
    },
  };

  /** As node-hid does when the cable is pulled: the open handle fails with a read error. */
  unplug(): void {
    this.plugged = false;
    const handle = this.handle;
    this.handle = undefined;
    if (handle?.open) {
      handle.open = false;
      handle.emit('error', new Error('could not read from HID device'));
    }
  }

  replug(): void {
    this.plugged = true;
  }

  /** @internal */
  hostWrote(report: Uint8Array): void {
    setImmediate(() => {
      for (const listener of this.outputListeners) listener(report);
    });
  }

  /** @internal */
  handleClosed(handle: SimulatedHidHandle): void {
    if (this.handle === handle) this.handle = undefined;
  }
}
