import type { Completion, DeviceClass } from '../devices/common/device';
import type { DeviceOfClass } from '../devices/drivers/driver-definition';
import { createTransport } from '../devices/transports/transport-kinds';
import type { SelectedDevice } from './configured-device';
import { describeTarget } from './device-target';
import { unreachableError } from './exit-codes';

export interface Connection<K extends DeviceClass = DeviceClass> extends SelectedDevice {
  device: DeviceOfClass[K];
  /** The driver's open(): `success`, or why the device did not answer. */
  opened: Completion;
  transport: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long the device may take to answer a status question. */
  answerTimeoutMs: number;
  /** Background status polling (watch), 0 for none. */
  pollIntervalMs?: number;
}

/**
 * Opens the link first (so "cannot open the port" is told apart from "opened, but nothing
 * answers"), then the registry driver over it. Throws exit 3 when the link cannot be opened.
 */
export async function connectDevice(
  selected: SelectedDevice,
  options: ConnectOptions,
): Promise<Connection> {
  const { driver, entry } = selected;
  const transport = createTransport(entry.transport, {
    connectTimeoutMs: options.answerTimeoutMs,
  });
  // Created before the link opens (drivers never open it themselves): an XFS4IoT driver tells
  // its service link which interface to look for. No background reconnects: the technician
  // runs the command again.
  const device = driver.create(transport, entry, {
    answerTimeoutMs: options.answerTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? 0,
  });
  try {
    await transport.open();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
    throw unreachableError(`cannot open ${describeTarget(entry.transport)}: ${reason}`);
  }
  let opened: Completion;
  try {
    opened = await device.open();
  } catch (error) {
    await device.close().catch(() => undefined);
    throw error;
  }
  return {
    driver,
    entry,
    device,
    opened,
    transport: transport.description,
    close: () => device.close().catch(() => undefined),
  };
}

/** The connected device as its class's interface, when it is of that class. */
export function deviceOf<K extends DeviceClass>(
  connection: Connection,
  deviceClass: K,
): DeviceOfClass[K] | undefined {
  return connection.driver.deviceClass === deviceClass
    ? (connection.device as DeviceOfClass[K])
    : undefined;
}
