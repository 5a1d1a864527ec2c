import type { z } from 'zod';
import type { CardReader } from '../card-reader';
import type { DeviceClass } from '../common/device';
import type { Transport } from '../common/transport';
import type { PinPad } from '../pinpad/pinpad';
import type { ReceiptPrinter } from '../printer';
import type { Scanner } from '../scanner';
import type { HealthCheck } from '../manager/health-check';
import type { TransportConfig, TransportType } from '../transports/transport-kinds';

/** The interface each device class's drivers implement. */
export interface DeviceOfClass {
  receiptPrinter: ReceiptPrinter;
  cardReader: CardReader;
  pinPad: PinPad;
  scanner: Scanner;
}

/** A device's entry in the config: its driver's name, its link, and the driver's own fields. */
export interface DeviceEntry {
  driver: string;
  transport: TransportConfig;
  /** The driver's own fields (`options`, `mode`, ...), checked by its schema. */
  [field: string]: unknown;
}

/** What the one creating a driver decides (the kiosk's manager, or kiosk-diag for one probe). */
export interface DriverContext {
  /** How long the device may take to answer a status question or a command. */
  answerTimeoutMs: number;
  /** Background status polling for drivers that poll (a printer's paper); 0 for none. */
  pollIntervalMs: number;
}

/** What a technician must fix before the kiosk can use the device, and what is worth knowing. */
export interface DeviceFinding {
  problems: string[];
  notes: string[];
}

/**
 * One driver: the device class it serves, the name configs choose it by, the schema of its config
 * entry, how to create it over a link, what technicians see of it, and where it is usually found.
 * The manager, config validation, kiosk-diag and the technician screen all read drivers from the
 * registry (registry.ts) and nowhere else.
 */
export interface DriverDefinition<
  K extends DeviceClass = DeviceClass,
  C extends DeviceEntry = DeviceEntry,
  D extends DeviceOfClass[K] = DeviceOfClass[K],
> {
  readonly deviceClass: K;
  /** The config's `driver` value, e.g. `escpos`; unique in the registry. */
  readonly name: string;
  /** Older names configs and kiosk-diag may still use for this driver. */
  readonly aliases?: readonly string[];
  /** One line for `kiosk-diag --help` and docs. */
  readonly summary: string;
  /** The links it can work over; the first is the usual one. */
  readonly transports: readonly TransportType[];
  /** The whole config entry (`driver`, `transport` and the driver's own fields), strict. */
  readonly config: z.ZodType<C>;
  create(transport: Transport, config: C, context: DriverContext): D;
  readonly diagnostics: {
    /** Event type -> counter name shown to technicians, e.g. `cardRead` -> `cardsRead`. */
    readonly counters?: Readonly<Record<string, string>>;
    /** A short state line beyond online/offline, e.g. `paper low, cover closed`. */
    detail?(device: D): string | undefined;
    /** Read after a successful open (kiosk-diag probe): problems block use, notes do not. */
    assess?(device: D): DeviceFinding;
    /** Run by the manager while the device is online and idle; a failure is a lost link. */
    readonly healthCheck?: HealthCheck<D>;
  };
  /** Where such a device usually shows up, for technicians looking for it (kiosk-diag devices). */
  readonly discovery: {
    readonly hint: string;
    /** Device files it opens: names matching `pattern` in `folder` (e.g. /dev/usb, lp0). */
    readonly deviceFiles?: { folder: string; pattern: RegExp; kind: string };
    /** A HID usage (page, id) it reads, e.g. generic desktop keyboard 0x01/0x06. */
    readonly hidUsage?: { page: number; usage: number; kind: string };
  };
}

/** Keeps a definition's config type while the registry holds them all. */
export const defineDriver = <
  K extends DeviceClass,
  C extends DeviceEntry,
  D extends DeviceOfClass[K] = DeviceOfClass[K],
>(
  definition: DriverDefinition<K, C, D>,
): DriverDefinition<K, C, D> => definition;
