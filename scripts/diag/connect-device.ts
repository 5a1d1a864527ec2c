import { CardReader } from '../../devices/card-reader/card-reader';
import type { Completion } from '../../devices/common/device';
import { SerialPinPad } from '../../devices/pinpad/serial-pinpad';
import type { EscPosEncodingOptions } from '../../devices/printer/escpos-job-encoder';
import { ReceiptPrinter } from '../../devices/printer/receipt-printer';
import { Scanner } from '../../devices/scanner/scanner';
import { describeTarget, transportFor, type DeviceTarget } from './device-target';
import { unreachableError, usageError } from './exit-codes';

export const DRIVERS = ['escpos', 'magstripe', 'pinpad', 'scanner'] as const;
export type DriverName = (typeof DRIVERS)[number];

export type ConnectedDevice =
  | { driver: 'escpos'; device: ReceiptPrinter }
  | { driver: 'magstripe'; device: CardReader }
  | { driver: 'pinpad'; device: SerialPinPad }
  | { driver: 'scanner'; device: Scanner };

export interface Connection {
  connected: ConnectedDevice;
  /** The driver's open(): `success`, or why the device did not answer. */
  opened: Completion;
  transport: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long the device may take to answer a status question. */
  answerTimeoutMs: number;
  /** Printer only: background status polling (watch), 0 for none. */
  pollIntervalMs?: number;
  /** Printer only: columns and model. */
  encoding?: EscPosEncodingOptions;
}

/**
 * Opens the link first (so "cannot open the port" is told apart from "opened, but nothing
 * answers"), then the driver. Throws exit 3 when the link cannot be opened.
 */
export async function connectDevice(
  driver: DriverName,
  target: DeviceTarget,
  options: ConnectOptions,
): Promise<Connection> {
  const isHid =
    target.kind === 'hid' || (target.kind === 'configured' && target.transport.type === 'hid');
  if (isHid && (driver === 'escpos' || driver === 'pinpad'))
    throw usageError(`the ${driver} driver needs --port or --tcp, not --hid`);
  const transport = transportFor(target, options.answerTimeoutMs);
  try {
    await transport.open();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
    throw unreachableError(`cannot open ${describeTarget(target)}: ${reason}`);
  }
  const connected = createDriver(driver, transport, isHid, options);
  let opened: Completion;
  try {
    opened = await connected.device.open();
  } catch (error) {
    await connected.device.close().catch(() => undefined);
    throw error;
  }
  return {
    connected,
    opened,
    transport: transport.description,
    close: () => connected.device.close().catch(() => undefined),
  };
}

function createDriver(
  driver: DriverName,
  transport: ReturnType<typeof transportFor>,
  hid: boolean,
  options: ConnectOptions,
): ConnectedDevice {
  const mode = hid ? 'hid' : 'serial';
  switch (driver) {
    case 'escpos':
      return {
        driver,
        device: new ReceiptPrinter({
          transport,
          statusTimeoutMs: options.answerTimeoutMs,
          encoding: options.encoding,
          pollIntervalMs: options.pollIntervalMs ?? 0,
        }),
      };
    case 'magstripe':
      return {
        driver,
        device: new CardReader({ transport, mode, statusTimeoutMs: options.answerTimeoutMs }),
      };
    case 'pinpad':
      return {
        driver,
        // Not managed, so never reopened in the background: the technician runs it again.
        device: new SerialPinPad(transport, { commandTimeoutMs: options.answerTimeoutMs }),
      };
    case 'scanner':
      return { driver, device: new Scanner({ transport, mode }) };
  }
}
