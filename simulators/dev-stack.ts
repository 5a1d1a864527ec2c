/**
 * The simulated world a development kiosk runs on: the host simulator, the embedded device
 * simulators (printer on loopback TCP; card reader, scanner and pin pad on pty pairs) with their
 * panel, and a technician PIN hash. It returns the config fragment that points a kiosk at all of
 * it, and one disposable. `npm start` and the e2e stack use it; production code never does.
 */
import { DisposableStore } from '../core/common/disposable-store';
import { hashTechnicianPin } from '../core/technician/pin-hash';
import type { DevicesConfig, SerialPortInfo } from '../devices/manager';
import { TECHNICIAN_CARD_PREFIX } from './card-reader/test-cards';
import { startEmbeddedDevices } from './embedded';
import { startHostSimulator } from './host';
import { startSimulatorPanel } from './panel';
import { startXfs4IoTDevices } from './xfs4iot/xfs4iot-devices';

/** The technician PIN of the simulated kiosk; a real kiosk's config carries its own hash. */
export const DEV_TECHNICIAN_PIN = '2468';

export interface DevStackOptions {
  /** The host simulator's latency on every call (ms). Default 0. */
  hostLatencyMs?: number;
  /**
   * Start the device simulators and their panel. Default true. `usb`: the printer as a USB
   * printer-class device (`usb-printer`) and the scanner as a keyboard wedge (`keyboard-wedge`
   * on an evdev device), on pty stand-ins, instead of the network printer and serial scanner.
   * `xfs4iot`: every device an XFS4IoT service behind a simulated service publisher, as on an ATM;
   * `xfs4iot-forms`: the same with a Printer service that prints forms and takes no raw data.
   */
  devices?: boolean | 'usb' | 'xfs4iot' | 'xfs4iot-forms';
  /**
   * `atm`: the partner-bank ATM profile (bank card and card PIN); its card reader holds the card.
   * Default `kiosk`.
   */
  profile?: 'kiosk' | 'atm';
  /** XFS4IoT devices: how long an ejected card waits to be taken before it is retained. */
  cardTakeTimeoutMs?: number;
  /** The technician PIN to hash into the config; null: no technician mode. Default DEV_TECHNICIAN_PIN. */
  technicianPin?: string | null;
}

/** The part of a kiosk config the stack decides (merge the rest in and parse the whole). */
/**
 * The simulated ATM's eight FDKs (1-4 left, 5-8 right): the left ones are the pin pad's 1-3 and
 * Cancel, the right ones 4-6 and Enter, so every menu of up to six items has a key beside it.
 */
export const SIMULATED_ATM_FDKS = {
  '1': '1',
  '2': '2',
  '3': '3',
  '4': 'cancel',
  '5': '4',
  '6': '5',
  '7': '6',
  '8': 'enter',
} as const;

export interface DevStackConfig {
  profile: 'kiosk' | 'atm';
  /** The ATM profile's FDK mapping (`atm.fdks`). */
  atm?: { fdks: typeof SIMULATED_ATM_FDKS };
  host: { url: string };
  devices?: DevicesConfig;
  technician: { pinHash?: string; cardPrefix?: string };
}

export interface DevStack extends AsyncDisposable {
  config: DevStackConfig;
  hostUrl: string;
  /** The simulator panel (swipe a card, scan a code, printer faults), when devices run. */
  panelUrl: string | null;
  /** With `devices: 'xfs4iot'`: the simulated XFS4IoT service publisher's address. */
  xfs4iotPublisherUrl: string | null;
  /** Device simulators not started, with the reason (e.g. socat missing). */
  skipped: string[];
  /** The simulated serial ports that exist now (the OS does not list ptys), for port setup. */
  serialPorts(): SerialPortInfo[];
  /** What the panel shows of the kiosk's own devices, once the kiosk runs. */
  showKioskDevices(source: () => unknown[]): void;
  dispose(): Promise<void>;
}

export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const store = new DisposableStore((error, name) =>
    console.error(`${name} did not stop cleanly: ${(error as Error).message ?? String(error)}`),
  );
  try {
    const pin = options.technicianPin === undefined ? DEV_TECHNICIAN_PIN : options.technicianPin;
    // Independent start-up work runs side by side: it is most of the time to the first screen.
    const [host, embedded, pinHash] = await Promise.all([
      startHostSimulator({ port: 0, latencyMs: options.hostLatencyMs ?? 0 }),
      options.devices === false
        ? null
        : options.devices === 'xfs4iot' || options.devices === 'xfs4iot-forms'
          ? startXfs4IoTDevices({
              printerTakesRawData: options.devices === 'xfs4iot',
              holdCard: options.profile === 'atm',
              fdks: options.profile === 'atm' ? 8 : 0,
              ...(options.cardTakeTimeoutMs
                ? { cardTakeTimeoutMs: options.cardTakeTimeoutMs }
                : {}),
            })
          : startEmbeddedDevices({
              printerAndScanner: options.devices === 'usb' ? 'usb' : 'network-and-serial',
            }),
      pin === null ? null : hashTechnicianPin(pin),
    ]);
    store.defer(() => host.close(), 'host simulator');
    if (embedded) store.defer(() => embedded.close(), 'device simulators');
    let kioskDevices: () => unknown[] = () => [];
    const panel = embedded
      ? await startSimulatorPanel({
          devices: embedded.control,
          hostUrl: host.url,
          kioskDevices: () => kioskDevices(),
        })
      : null;
    if (panel) store.defer(() => panel.close(), 'simulator panel');
    const technician: DevStackConfig['technician'] = pinHash
      ? { pinHash, ...(embedded ? { cardPrefix: TECHNICIAN_CARD_PREFIX } : {}) }
      : {};
    return {
      config: {
        profile: options.profile ?? 'kiosk',
        // FDKs come with the simulated ATM's XFS4IoT pin pad.
        ...(options.profile === 'atm' &&
        (options.devices === 'xfs4iot' || options.devices === 'xfs4iot-forms')
          ? { atm: { fdks: SIMULATED_ATM_FDKS } }
          : {}),
        host: { url: host.url },
        ...(embedded ? { devices: embedded.config } : {}),
        technician,
      },
      hostUrl: host.url,
      panelUrl: panel?.url ?? null,
      xfs4iotPublisherUrl: embedded?.control.xfs4iot?.publisherUrl ?? null,
      skipped: embedded?.skipped ?? [],
      serialPorts: () => embedded?.serialPorts() ?? [],
      showKioskDevices: (source) => (kioskDevices = source),
      dispose: () => store.dispose(),
      [Symbol.asyncDispose]: () => store.dispose(),
    };
  } catch (error) {
    await store.dispose();
    throw error;
  }
}
