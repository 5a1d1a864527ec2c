/**
 * The embedded default's devices as an ATM has them: a simulated card reader, pin pad, receipt
 * printer and barcode reader served as XFS4IoT services behind one service publisher on
 * 127.0.0.1, with the kiosk's XFS4IoT drivers pointed at them. The panel plays them through the
 * same controls as the serial simulators; "unplug" stops a service and "plug" starts it again.
 */
import { xfs4iotBarcodeReaderDriver } from '../../devices/drivers/xfs4iot-barcode-reader';
import { xfs4iotCardReaderDriver } from '../../devices/drivers/xfs4iot-card-reader';
import { xfs4iotPinPadDriver } from '../../devices/drivers/xfs4iot-pinpad';
import { xfs4iotPrinterDriver } from '../../devices/drivers/xfs4iot-printer';
import type { DevicesConfig } from '../../devices/manager/device-config';
import {
  kpjFor,
  pressKeys,
  SCAN,
  testCardFor,
  type EmbeddedDeviceControl,
  type EmbeddedDevices,
  type Pluggable,
} from '../embedded/embedded-devices';
import { simulatedPrinter } from '../embedded/embedded-printer';
import { createPrinterSimulator } from '../printer/printer-simulator';
import { startSimulatedPublisher, type SimulatedPublisher } from './publisher';
import { createBarcodeReaderService } from './services/barcode-reader-service';
import { createCardReaderService } from './services/card-reader-service';
import { createPinPadService } from './services/pinpad-service';
import { createPrinterService } from './services/printer-service';
import type { Xfs4IoTControl } from './simulated-service';

const SERVICE_NAMES = {
  cardReader: 'CardReader1',
  pinPad: 'PinPad1',
  printer: 'Printer1',
  scanner: 'BarcodeReader1',
} as const;

export interface Xfs4IoTDevices extends EmbeddedDevices {
  publisher: SimulatedPublisher;
  control: EmbeddedDeviceControl & { xfs4iot: Xfs4IoTControl };
}

export async function startXfs4IoTDevices(
  options: {
    columns?: number;
    /** false: the printer prints forms only (no PrintRaw). */ printerTakesRawData?: boolean;
    /** The kiosk's card reader keeps the card until it gives it back (the ATM profile). */
    holdCard?: boolean;
    /** The simulated ATM's function display keys beside the screen (fdk01..fdkNN); 0: none. */
    fdks?: number;
    /** How long an ejected card may wait to be taken before it is retained (the driver's default otherwise). */
    cardTakeTimeoutMs?: number;
  } = {},
): Promise<Xfs4IoTDevices> {
  const columns = options.columns ?? 42;
  const printerSimulator = createPrinterSimulator({ columns });
  const card = createCardReaderService({ name: SERVICE_NAMES.cardReader });
  const pinPad = createPinPadService({ name: SERVICE_NAMES.pinPad });
  const printer = createPrinterService({
    name: SERVICE_NAMES.printer,
    simulator: printerSimulator,
    raw: options.printerTakesRawData ?? true,
  });
  const barcode = createBarcodeReaderService({ name: SERVICE_NAMES.scanner });
  const publisher = await startSimulatedPublisher({
    services: [card.service, pinPad.service, printer.service, barcode.service],
  });
  const known = new Set<string>(Object.values(SERVICE_NAMES));
  const setRunning = (name: string, value: boolean) => publisher.setRunning(name, value);
  const cable = (name: string): Pluggable => ({
    unplug: async () => setRunning(name, false),
    // A service has one address: both of the panel's sockets start it again.
    plug: async () => setRunning(name, true),
    port: () => (publisher.isRunning(name) ? publisher.serviceUri(name) : null),
  });
  const link = (service: string) =>
    ({ type: 'xfs4iot', host: '127.0.0.1', port: publisher.port, secure: false, service }) as const;

  const config: DevicesConfig = {
    printer: { driver: xfs4iotPrinterDriver.name, transport: link(SERVICE_NAMES.printer) },
    cardReader: {
      driver: xfs4iotCardReaderDriver.name,
      transport: link(SERVICE_NAMES.cardReader),
      ...(options.holdCard ? { holdCard: true } : {}),
      ...(options.cardTakeTimeoutMs ? { takeTimeoutMs: options.cardTakeTimeoutMs } : {}),
    },
    pinPad: {
      driver: xfs4iotPinPadDriver.name,
      transport: link(SERVICE_NAMES.pinPad),
      ...(options.fdks ? { fdks: options.fdks } : {}),
    },
    scanner: { driver: xfs4iotBarcodeReaderDriver.name, transport: link(SERVICE_NAMES.scanner) },
  };

  const xfs4iot: Xfs4IoTControl = {
    publisherUrl: publisher.url,
    services: () =>
      Object.values(SERVICE_NAMES).map((name) => ({
        name,
        uri: publisher.serviceUri(name),
        running: publisher.isRunning(name),
        ...publisher.faults(name),
      })),
    set(name, change) {
      if (!known.has(name)) throw new Error(`no simulated service ${name}`);
      const { running: run, ...faults } = change;
      Object.assign(publisher.faults(name), faults);
      if (run !== undefined) setRunning(name, run);
      return xfs4iot.services().find((service) => service.name === name)!;
    },
  };

  const control: Xfs4IoTDevices['control'] = {
    printer: simulatedPrinter(printerSimulator, columns, {
      connected: () => publisher.isRunning(SERVICE_NAMES.printer),
      disconnect: async () => setRunning(SERVICE_NAMES.printer, false),
      reconnect: async () => setRunning(SERVICE_NAMES.printer, true),
      close: async () => undefined,
    }),
    card: {
      insert: (choice) => card.control.insert(testCardFor(choice)),
      swipe: (choice) => card.control.swipe(testCardFor(choice)),
      remove: () => card.control.remove(),
      jam: () => card.control.jam(),
      invalidMedia: () => card.control.invalidMedia(),
      media: () => card.control.media(),
      retained: () => card.control.retained(),
      ...cable(SERVICE_NAMES.cardReader),
    },
    scanner: {
      scan: (kind, fixture) =>
        barcode.control.scan(SCAN[kind].payload(kpjFor(fixture)), SCAN[kind].symbology),
      ...cable(SERVICE_NAMES.scanner),
    },
    pinPad: {
      mode: () => pinPad.control.mode(),
      press: (keys) => pressKeys(pinPad.control, keys),
      pressFdk: async (fdk) => pinPad.control.pressFdk(fdk),
      ...cable(SERVICE_NAMES.pinPad),
    },
    xfs4iot,
  };

  return {
    config,
    control,
    publisher,
    skipped: [],
    // Services are reached by address: port setup has no serial port to offer.
    serialPorts: () => [],
    close: () => publisher.close(),
  };
}
