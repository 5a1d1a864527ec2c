import type { DevicesConfig } from '../../devices/manager/device-config';
import { escposDriver } from '../../devices/drivers/escpos';
import { magstripeDriver } from '../../devices/drivers/magstripe';
import { serialPinPadDriver } from '../../devices/drivers/serial-pinpad';
import { serialScannerDriver } from '../../devices/drivers/serial-scanner';
import type { PlainKey } from '../../devices/pinpad/pinpad';
import { CardReaderSimulator } from '../card-reader/card-reader-simulator';
import {
  isoName,
  bankCard,
  kpjCard,
  technicianCard,
  TEST_CARDS,
  TEST_PANS,
  type TestCard,
} from '../card-reader/test-cards';
import { FIXTURES } from '../host';
import { PinPadSimulator } from '../pinpad/pinpad-simulator';
import { payloads, ScannerSimulator } from '../scanner/scanner-simulator';
import { startEmbeddedPrinter, type SimulatedPrinter } from './embedded-printer';
import { startPtyDeviceLine, type PtyDeviceLine, type PtySlot } from './pty-device-line';
import type { SerialPortInfo } from '../../devices/manager/discovery';
import { socatAvailable } from './socat-available';
import type { Xfs4IoTControl } from '../xfs4iot/simulated-service';
import { startKeyboardWedgeStandIn, startUsbPrinterStandIn } from './usb-devices';

type FixtureKey = Exclude<keyof typeof FIXTURES, 'unknownKpj'>;

/** Cards the panel and tests can present: host fixtures by name, bank and bad cards. */
export const CARD_CHOICES = [
  ...(Object.keys(FIXTURES).filter((key) => key !== 'unknownKpj') as FixtureKey[]),
  'unknownKpj',
  'bankVisa',
  'bankMastercard',
  /** The host simulator's blocked bank card, and the one whose owner has no KPJ (the ATM profile). */
  'bankBlocked',
  'bankNoKpj',
  'unreadable',
  'blank',
  'corruptedLrc',
  'technician',
] as const;
export type CardChoice = (typeof CARD_CHOICES)[number];

export const SCAN_KINDS = ['kpjBarcode', 'jmoQr', 'jmoJson', 'prefixed'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export function testCardFor(choice: CardChoice): TestCard {
  switch (choice) {
    case 'unknownKpj':
      return kpjCard(FIXTURES.unknownKpj, 'TIDAK/DIKENAL');
    case 'bankVisa':
      return TEST_CARDS.visa;
    case 'bankMastercard':
      return TEST_CARDS.mastercard;
    case 'bankBlocked':
      return bankCard(TEST_PANS.visaBlocked, 'DIBLOKIR/KARTU');
    case 'bankNoKpj':
      return bankCard(TEST_PANS.mastercardNoKpj, 'TANPA/KPJ');
    case 'technician':
      return technicianCard();
    case 'unreadable':
    case 'blank':
    case 'corruptedLrc':
      return TEST_CARDS[choice];
    default: {
      const participant = FIXTURES[choice];
      return kpjCard(participant.kpj, isoName(participant.name));
    }
  }
}

export function kpjFor(fixture: string): string {
  if (fixture === 'unknownKpj') return FIXTURES.unknownKpj;
  const participant = (FIXTURES as Record<string, { kpj: string } | string>)[fixture];
  if (!participant || typeof participant === 'string')
    throw new Error(`unknown fixture ${fixture}`);
  return participant.kpj;
}

/** What each scan kind puts on the code, and in which symbology. */
export const SCAN: Record<
  ScanKind,
  { payload: (kpj: string) => string; symbology: 'qr' | 'code128' }
> = {
  kpjBarcode: { payload: payloads.kpjCardBarcode, symbology: 'code128' },
  jmoQr: { payload: payloads.jmoUrl, symbology: 'qr' },
  jmoJson: { payload: payloads.jmoJson, symbology: 'qr' },
  prefixed: { payload: payloads.prefixed, symbology: 'code128' },
};

export interface EmbeddedDeviceControl {
  printer: SimulatedPrinter;
  card: {
    insert(choice: CardChoice): Promise<void>;
    swipe(choice: CardChoice): Promise<void>;
    remove(): Promise<void>;
    jam(): Promise<void>;
    invalidMedia(): Promise<void>;
    media(): string;
    /** Cards the reader has kept in its retain bin (a reader with a bin: XFS4IoT). */
    retained?(): number;
    /** Cable pulled out of the kiosk. */
    unplug(): Promise<void>;
    /** Plugged in again, into its own socket or the spare one (another tty path). */
    plug(slot: PtySlot): Promise<void>;
    /** The tty it is plugged into now, or null while unplugged. */
    port(): string | null;
  } | null;
  scanner: ({ scan(kind: ScanKind, fixture: string): Promise<void> } & Pluggable) | null;
  /** With `--devices xfs4iot`: the services behind the simulated publisher. */
  xfs4iot?: Xfs4IoTControl;
  pinPad:
    | ({
        /** Digits and `E` enter, `C` clear, `B` backspace, `X` cancel; waits for the kiosk to open entry (plain or PIN). */
        press(keys: string): Promise<{ accepted: number }>;
        /** An ATM's function display key (XFS4IoT pads): false when no entry enables it. */
        pressFdk?(fdk: number): Promise<boolean>;
        mode(): string;
      } & Pluggable)
    | null;
}

/** A serial device's cable, as the card reader's above. */
export interface Pluggable {
  unplug(): Promise<void>;
  plug(slot: PtySlot): Promise<void>;
  port(): string | null;
}

const cableOf = (line: PtyDeviceLine): Pluggable => ({
  unplug: () => line.unplug(),
  plug: (slot) => line.plug(slot),
  port: () => line.pluggedPath,
});

export interface EmbeddedDevices {
  /** Points the real drivers at the simulators. */
  config: DevicesConfig;
  control: EmbeddedDeviceControl;
  /** Devices not started, with the reason (e.g. socat missing). */
  skipped: string[];
  /** The simulated serial ports that exist now (the OS does not list ptys), for port setup. */
  serialPorts(): SerialPortInfo[];
  close(): Promise<void>;
}

const KEY_NAMES: Record<string, PlainKey> = {
  E: 'enter',
  C: 'clear',
  B: 'backspace',
  X: 'cancel',
};

/**
 * Presses the panel's keys on a pin pad one by one, as a finger would: digits, and `E` enter,
 * `C` clear, `B` backspace, `X` cancel; waits for the kiosk to open entry before each key.
 */
export async function pressKeys(
  pad: { mode(): string; press(key: PlainKey): boolean },
  keys: string,
): Promise<{ accepted: number }> {
  let accepted = 0;
  for (const char of keys) {
    // The kiosk re-arms entry after every enter; give it a moment.
    if (!(await waitFor(() => pad.mode() !== 'idle', 3000))) break;
    if (!pad.press(KEY_NAMES[char] ?? (char as PlainKey))) break;
    accepted += 1;
    // Let the key event reach the kiosk before the next one.
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  return { accepted };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

export interface EmbeddedDevicesOptions {
  /**
   * `usb`: the printer as a USB printer-class device (`usb-printer` on a device file) and the
   * scanner as a keyboard wedge (`keyboard-wedge` on an evdev device), both on pty stand-ins,
   * instead of the network printer and the serial scanner. Needs socat.
   */
  printerAndScanner?: 'network-and-serial' | 'usb';
}

/** The printer's link: a network printer on 127.0.0.1, or a USB printer-class stand-in. */
async function startPrinter(
  usb: boolean,
): Promise<{ printer: SimulatedPrinter; config: DevicesConfig['printer'] }> {
  if (usb) return startUsbPrinterStandIn();
  const printer = await startEmbeddedPrinter();
  return {
    printer,
    config: {
      driver: escposDriver.name,
      transport: { type: 'tcp', host: printer.host, port: printer.port },
    },
  };
}

/**
 * The embedded default's devices: a network receipt printer on 127.0.0.1, and the card reader,
 * scanner and pin pad on socat pty pairs (skipped, with a reason, when socat is missing); with
 * `printerAndScanner: 'usb'` the USB printer and keyboard-wedge stand-ins instead.
 */
export async function startEmbeddedDevices(
  options: EmbeddedDevicesOptions = {},
): Promise<EmbeddedDevices> {
  const closers: Array<() => Promise<void>> = [];
  const skipped: string[] = [];
  const usb = options.printerAndScanner === 'usb' && socatAvailable();
  if (options.printerAndScanner === 'usb' && !usb)
    skipped.push(
      'USB printer and keyboard wedge: socat is not installed (network printer instead)',
    );
  const { printer, config: printerConfig } = await startPrinter(usb);
  closers.push(() => printer.close());
  const config: DevicesConfig = { printer: printerConfig };
  const control: EmbeddedDeviceControl = { printer, card: null, scanner: null, pinPad: null };
  const lines: PtyDeviceLine[] = [];

  if (!socatAvailable()) {
    skipped.push('card reader, scanner and pin pad: socat is not installed (no pty pairs)');
  } else {
    try {
      const cardLine: PtyDeviceLine = await startPtyDeviceLine();
      lines.push(cardLine);
      closers.push(() => cardLine.close());
      const reader = new CardReaderSimulator(cardLine.device, { mode: 'serial' });
      closers.push(async () => reader.dispose());
      config.cardReader = {
        driver: magstripeDriver.name,
        mode: 'serial',
        transport: { type: 'serial', path: cardLine.hostPath, baudRate: 9600 },
      };
      control.card = {
        insert: (choice) => reader.insert(testCardFor(choice)),
        swipe: (choice) => reader.swipe(testCardFor(choice)),
        remove: () => reader.remove(),
        jam: () => reader.jam(),
        invalidMedia: () => reader.insertInvalidMedia(),
        media: () => reader.mediaState,
        unplug: () => cardLine.unplug(),
        plug: (slot) => cardLine.plug(slot),
        port: () => cardLine.pluggedPath,
      };

      if (usb) {
        // An event device, not a serial port: port setup does not list it.
        const wedge = await startKeyboardWedgeStandIn();
        closers.push(() => wedge.line.close());
        config.scanner = wedge.config;
        control.scanner = {
          // A keyboard types the code alone: no AIM identifier, no symbology.
          scan: (kind, fixture) => wedge.type(SCAN[kind].payload(kpjFor(fixture))),
          ...cableOf(wedge.line),
        };
      } else {
        const scanLine = await startPtyDeviceLine();
        lines.push(scanLine);
        closers.push(() => scanLine.close());
        const scanner = new ScannerSimulator(scanLine.device, { mode: 'serial', aimIds: true });
        config.scanner = {
          driver: serialScannerDriver.name,
          transport: { type: 'serial', path: scanLine.hostPath, baudRate: 9600 },
        };
        control.scanner = {
          scan: (kind, fixture) =>
            scanner.scan(SCAN[kind].payload(kpjFor(fixture)), SCAN[kind].symbology),
          ...cableOf(scanLine),
        };
      }

      const padLine = await startPtyDeviceLine();
      lines.push(padLine);
      closers.push(() => padLine.close());
      const pad = new PinPadSimulator(padLine.device);
      await pad.start();
      closers.push(() => pad.stop());
      config.pinPad = {
        driver: serialPinPadDriver.name,
        transport: { type: 'serial', path: padLine.hostPath, baudRate: 9600 },
      };
      control.pinPad = {
        ...cableOf(padLine),
        mode: () => pad.mode,
        press: (keys) => pressKeys({ mode: () => pad.mode, press: (key) => pad.press(key) }, keys),
      };
    } catch (error) {
      skipped.push(`serial devices: ${(error as Error).message}`);
    }
  }

  return {
    config,
    control,
    skipped,
    serialPorts: () =>
      lines.flatMap((line) =>
        line.pluggedPath ? [{ path: line.pluggedPath, manufacturer: 'Simulator (pty)' }] : [],
      ),
    async close() {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    },
  };
}
