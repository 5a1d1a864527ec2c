import type { Completion, Listener, StatusChangedEvent } from '../common/device';
import type { Transport } from '../common/transport';
import { CardReader } from '../card-reader/card-reader';
import { pinPadHealthCheck } from '../pinpad/pinpad-health-check';
import { SerialPinPad } from '../pinpad/serial-pinpad';
import type { PrintJob } from '../printer/print-job';
import type {
  PrintResult,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from '../printer/printer-types';
import { ReceiptPrinter } from '../printer/receipt-printer';
import type { PrinterModel } from '../printer/escpos-job-encoder';
import { Scanner } from '../scanner/scanner';
import { createTransport } from './create-transport';
import type { DevicesConfig, TransportConfig } from './device-config';
import type { DeviceChange, DeviceName, DeviceSnapshot } from './device-snapshot';
import { ManagedDevice, type DeviceHandle, type ReconnectTimings } from './managed-device';
import { ListenerSet } from '../transports/listener-set';
import { RetargetableTransport } from '../transports/retargetable-transport';

export interface DeviceManagerOptions {
  /** Builds the link for a device; default the real serial / TCP / HID transport (tests inject memory pairs). */
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
  on(
    listener: Listener<ReceiptPrinterEvent | StatusChangedEvent<ReceiptPrinterStatus>>,
  ): () => void;
  print(job: PrintJob): Promise<Completion<PrintResult>>;
  cancel(): void;
}

const DEFAULT_RECONNECT: ReconnectTimings = { initialDelayMs: 100, maxDelayMs: 1000 };

/**
 * Creates the configured drivers, opens them, keeps them open (hot-plug: a lost link is reopened
 * with backoff) and reports each device's status, capabilities, last error and counters.
 */
export class DeviceManager {
  readonly printer: ManagedPrinter | null = null;
  readonly printerDriver: ReceiptPrinter | null = null;
  readonly cardReader: CardReader | null = null;
  readonly scanner: Scanner | null = null;
  readonly pinPad: SerialPinPad | null = null;
  private readonly devices = new Map<DeviceName, DeviceHandle>();
  private readonly links = new Map<
    DeviceName,
    { transport: RetargetableTransport; config: TransportConfig }
  >();
  private readonly changes = new ListenerSet<[DeviceChange]>();
  private readonly makeTransport: (config: TransportConfig, device: DeviceName) => Transport;

  constructor(config: DevicesConfig, options: DeviceManagerOptions = {}) {
    this.makeTransport = options.transportFactory ?? ((transport) => createTransport(transport));
    const link = (transportConfig: TransportConfig, name: DeviceName) => {
      const transport = new RetargetableTransport(this.makeTransport(transportConfig, name));
      this.links.set(name, { transport, config: transportConfig });
      return transport;
    };
    const reconnect = { ...DEFAULT_RECONNECT, ...config.reconnect };
    const statusTimeoutMs = options.statusTimeoutMs ?? 500;
    const log = options.log;
    const add = (device: DeviceHandle) => {
      this.devices.set(device.name, device);
      device.onChange((snapshot) => this.changes.emit({ type: 'statusChanged', snapshot }));
    };

    if (config.printer) {
      const transport = link(config.printer.transport, 'printer');
      const driver = new ReceiptPrinter({
        transport,
        statusTimeoutMs,
        // Polling notices paper changes and, on a serial line, a pulled cable (the write fails).
        pollIntervalMs: options.printerPollIntervalMs ?? 1000,
        encoding: {
          ...(config.printer.options?.columns ? { columns: config.printer.options.columns } : {}),
          ...(config.printer.options?.printerModel
            ? { printerModel: config.printer.options.printerModel as PrinterModel }
            : {}),
        },
      });
      const managed = new ManagedDevice({
        name: 'printer',
        driverName: 'escpos',
        transport,
        driver,
        reconnect,
        counters: { paperLow: 'paperLowEvents', paperOut: 'paperOutEvents' },
        detail: (d) => `paper ${d.status().paper}, cover ${d.status().cover}`,
        log,
      });
      add(managed);
      this.printerDriver = driver;
      this.printer = countingPrinter(driver, managed);
    }
    if (config.cardReader) {
      const transport = link(config.cardReader.transport, 'cardReader');
      const driver = new CardReader({ transport, mode: config.cardReader.mode, statusTimeoutMs });
      this.cardReader = driver;
      add(
        new ManagedDevice({
          name: 'cardReader',
          driverName: `magstripe-${config.cardReader.mode}`,
          transport,
          driver,
          reconnect,
          counters: { cardRead: 'cardsRead', invalidMedia: 'invalidMedia' },
          detail: (d) => `media ${d.status().media}`,
          log,
        }),
      );
    }
    if (config.scanner) {
      const transport = link(config.scanner.transport, 'scanner');
      const driver = new Scanner({ transport, mode: config.scanner.driver });
      this.scanner = driver;
      add(
        new ManagedDevice({
          name: 'scanner',
          driverName: `scanner-${config.scanner.driver}`,
          transport,
          driver,
          reconnect,
          counters: { scanned: 'scans', invalidData: 'invalidScans' },
          log,
        }),
      );
    }
    if (config.pinPad) {
      const transport = link(config.pinPad.transport, 'pinPad');
      const driver = new SerialPinPad(transport, { commandTimeoutMs: 1000 });
      this.pinPad = driver;
      add(
        new ManagedDevice({
          name: 'pinPad',
          driverName: 'serial-pinpad',
          transport,
          driver,
          reconnect,
          healthCheck: pinPadHealthCheck(),
          counters: { keyPressed: 'keysPressed' },
          detail: (d) => `entry ${d.status().entry}`,
          log,
        }),
      );
    }
  }

  /** Opens every configured device (in parallel); devices not there yet keep being retried. */
  async start(): Promise<void> {
    await Promise.all([...this.devices.values()].map((device) => device.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.devices.values()].map((device) => device.stop()));
  }

  names(): DeviceName[] {
    return [...this.devices.keys()];
  }

  snapshots(): DeviceSnapshot[] {
    return [...this.devices.values()].map((device) => device.snapshot());
  }

  snapshot(name: DeviceName): DeviceSnapshot | undefined {
    return this.devices.get(name)?.snapshot();
  }

  onChange(listener: (change: DeviceChange) => void): () => void {
    return this.changes.add(listener);
  }

  async reset(name: DeviceName): Promise<Completion> {
    const device = this.devices.get(name);
    if (!device) return { code: 'deviceNotReady', errorDescription: `no ${name} configured` };
    return device.reset();
  }

  count(name: DeviceName, counter: string, by = 1): void {
    this.devices.get(name)?.count(counter, by);
  }

  /** Where a device is connected now, as its config entry says it. */
  transportConfig(name: DeviceName): TransportConfig | undefined {
    return this.links.get(name)?.config;
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
    const previous = this.links.get(name)?.config;
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
    const device = this.devices.get(name);
    const link = this.links.get(name);
    if (!device || !link) return;
    await device.reopenWith(async () => {
      await link.transport.retarget(this.makeTransport(config, name));
      link.config = config;
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

/** `serial /dev/ttyUSB1`, `tcp 10.0.0.5:9100`, `hid 0801:0002`: for messages. */
export function describeTransport(config: TransportConfig): string {
  switch (config.type) {
    case 'serial':
      return `serial ${config.path}`;
    case 'tcp':
      return `tcp ${config.host}:${config.port}`;
    case 'hid':
      return config.path !== undefined
        ? `hid ${config.path}`
        : `hid ${hex4(config.vendorId!)}:${hex4(config.productId!)}`;
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function countingPrinter(driver: ReceiptPrinter, managed: DeviceHandle): ManagedPrinter {
  return {
    status: () => driver.status(),
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
