import type { CardReader } from '../card-reader';
import type { Completion, Listener, StatusChangedEvent } from '../common/device';
import type { Transport } from '../common/transport';
import { DEVICE_NAMES, DEVICE_SLOTS } from '../drivers/device-slots';
import type { DeviceEntry, DeviceOfClass } from '../drivers/driver-definition';
import { findDriver } from '../drivers/registry';
import type { PinPad } from '../pinpad/pinpad';
import type { ReceiptPrinter } from '../printer';
import type { PrintJob } from '../printer/print-job';
import type {
  PrintResult,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from '../printer/printer-types';
import type { Scanner } from '../scanner';
import { createTransport, describeTransport } from '../transports/transport-kinds';
import type { DevicesConfig, TransportConfig } from './device-config';
import type { DeviceChange, DeviceName, DeviceSnapshot } from './device-snapshot';
import {
  ManagedDevice,
  type DeviceHandle,
  type ManageableDriver,
  type ReconnectTimings,
} from './managed-device';
import type { HealthCheck } from './health-check';
import { ListenerSet } from '../transports/listener-set';
import { RetargetableTransport } from '../transports/retargetable-transport';

export interface DeviceManagerOptions {
  /** Builds the link for a device; default the real transport of its kind (tests inject memory pairs). */
  transportFactory?: (config: TransportConfig, device: DeviceName) => Transport;
  /** One line per notable device event (never card, PIN or personal data). */
  log?: (message: string) => void;
  /** Driver timing overrides (tests). */
  statusTimeoutMs?: number;
  printerPollIntervalMs?: number;
}

/** The printer as the kiosk uses it: the driver's status and events, printing counted. */
export interface ManagedPrinter {
  status(): ReceiptPrinterStatus;
  capabilities(): ReturnType<ReceiptPrinter['capabilities']>;
  on(
    listener: Listener<ReceiptPrinterEvent | StatusChangedEvent<ReceiptPrinterStatus>>,
  ): () => void;
  print(job: PrintJob): Promise<Completion<PrintResult>>;
  cancel(): void;
}

const DEFAULT_RECONNECT: ReconnectTimings = { initialDelayMs: 100, maxDelayMs: 1000 };

interface Slot {
  handle: ManagedDevice;
  device: DeviceOfClass[keyof DeviceOfClass];
  transport: RetargetableTransport;
  config: TransportConfig;
}

/**
 * Creates the configured devices with their registry drivers, opens them, keeps them open
 * (hot-plug: a lost link is reopened with backoff) and reports each device's status,
 * capabilities, last error and counters.
 */
export class DeviceManager {
  readonly printer: ManagedPrinter | null = null;
  private readonly slots = new Map<DeviceName, Slot>();
  private readonly changes = new ListenerSet<[DeviceChange]>();
  private readonly makeTransport: (config: TransportConfig, device: DeviceName) => Transport;

  constructor(config: DevicesConfig, options: DeviceManagerOptions = {}) {
    this.makeTransport = options.transportFactory ?? ((transport) => createTransport(transport));
    const reconnect = { ...DEFAULT_RECONNECT, ...config.reconnect };
    const context = {
      answerTimeoutMs: options.statusTimeoutMs ?? 500,
      pollIntervalMs: options.printerPollIntervalMs ?? 1000,
    };
    for (const name of DEVICE_NAMES) {
      const entry: DeviceEntry | undefined = config[name];
      if (!entry) continue;
      const driver = findDriver(entry.driver, DEVICE_SLOTS[name]);
      // DevicesConfig only admits registry drivers; a hand-built config may not.
      if (!driver)
        throw new Error(`devices.${name}: no ${DEVICE_SLOTS[name]} driver '${entry.driver}'`);
      const transport = new RetargetableTransport(this.makeTransport(entry.transport, name));
      const device = driver.create(transport, entry, context);
      const handle = new ManagedDevice({
        name,
        driverName: driver.name,
        transport,
        driver: device as ManageableDriver,
        reconnect,
        counters: driver.diagnostics.counters,
        detail: driver.diagnostics.detail as
          ((d: ManageableDriver) => string | undefined) | undefined,
        healthCheck: driver.diagnostics.healthCheck as HealthCheck<ManageableDriver> | undefined,
        log: options.log,
      });
      handle.onChange((snapshot) => this.changes.emit({ type: 'statusChanged', snapshot }));
      this.slots.set(name, { handle, device, transport, config: entry.transport });
    }
    const printer = this.slots.get('printer');
    if (printer) this.printer = countingPrinter(printer.device as ReceiptPrinter, printer.handle);
  }

  /** The device in a slot, as its class's interface; null when none is configured. */
  device<N extends DeviceName>(name: N): DeviceOfClass[(typeof DEVICE_SLOTS)[N]] | null {
    return (this.slots.get(name)?.device ?? null) as DeviceOfClass[(typeof DEVICE_SLOTS)[N]] | null;
  }

  get cardReader(): CardReader | null {
    return this.device('cardReader');
  }

  get scanner(): Scanner | null {
    return this.device('scanner');
  }

  get pinPad(): PinPad | null {
    return this.device('pinPad');
  }

  /** Opens every configured device (in parallel); devices not there yet keep being retried. */
  async start(): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => slot.handle.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => slot.handle.stop()));
  }

  names(): DeviceName[] {
    return [...this.slots.keys()];
  }

  snapshots(): DeviceSnapshot[] {
    return [...this.slots.values()].map((slot) => slot.handle.snapshot());
  }

  snapshot(name: DeviceName): DeviceSnapshot | undefined {
    return this.slots.get(name)?.handle.snapshot();
  }

  onChange(listener: (change: DeviceChange) => void): () => void {
    return this.changes.add(listener);
  }

  async reset(name: DeviceName): Promise<Completion> {
    const slot = this.slots.get(name);
    if (!slot) return { code: 'deviceNotReady', errorDescription: `no ${name} configured` };
    return slot.handle.reset();
  }

  count(name: DeviceName, counter: string, by = 1): void {
    this.slots.get(name)?.handle.count(counter, by);
  }

  /** Where a device is connected now, as its config entry says it. */
  transportConfig(name: DeviceName): TransportConfig | undefined {
    return this.slots.get(name)?.config;
  }

  /**
   * Moves a device to another port and keeps it there only if it comes online within
   * `confirmWithinMs`; otherwise it goes back to where it was. The driver (and everything
   * wired to it) stays the same object.
   */
  async moveDevice(
    name: DeviceName,
    next: TransportConfig,
    confirmWithinMs = 3000,
  ): Promise<Completion> {
    const previous = this.slots.get(name)?.config;
    if (!previous) return { code: 'deviceNotReady', errorDescription: `no ${name} configured` };
    await this.reconnectTo(name, next);
    if (await this.becomesOnline(name, confirmWithinMs))
      return { code: 'success', value: undefined };
    const why = this.snapshot(name)?.lastError?.description ?? 'no answer';
    await this.reconnectTo(name, previous);
    return {
      code: 'timeOut',
      errorDescription: `not online on ${describeTransport(next)} within ${confirmWithinMs} ms (${why}); moved back to ${describeTransport(previous)}`,
    };
  }

  /** Points a device at another port, whether or not anything answers there (it keeps trying). */
  async reconnectTo(name: DeviceName, config: TransportConfig): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot) return;
    await slot.handle.reopenWith(async () => {
      await slot.transport.retarget(this.makeTransport(config, name));
      slot.config = config;
    });
  }

  private async becomesOnline(name: DeviceName, withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      if (this.snapshot(name)?.state === 'online') return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function countingPrinter(driver: ReceiptPrinter, managed: DeviceHandle): ManagedPrinter {
  return {
    status: () => driver.status(),
    capabilities: () => driver.capabilities(),
    on: (listener) => driver.on(listener),
    cancel: () => driver.cancel(),
    async print(job) {
      const result = await driver.print(job);
      managed.count(result.code === 'success' ? 'receiptsPrinted' : 'printFailures');
      return result;
    },
  };
}

/** Creates the manager for a `devices` config section and opens every device. */
export async function startDeviceManager(
  config: DevicesConfig,
  options: DeviceManagerOptions = {},
): Promise<DeviceManager> {
  const manager = new DeviceManager(config, options);
  await manager.start();
  return manager;
}
