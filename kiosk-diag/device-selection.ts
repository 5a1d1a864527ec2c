import type { DeviceClass } from '../devices/common/device';
import type { DeviceEntry, DriverDefinition } from '../devices/drivers/driver-definition';
import { DEVICE_SLOTS, isDeviceName } from '../devices/drivers/device-slots';
import { DRIVERS, driversOf, findDriver } from '../devices/drivers/registry';
import type { TransportConfig } from '../devices/transports/transport-kinds';
import { choiceOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { loadDiagConfig } from './config-source';
import { CONFIGURED_DEVICES, deviceFromConfig, type SelectedDevice } from './configured-device';
import { targetFromOptions, TARGET_OPTIONS } from './device-target';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

export const SELECTION_OPTIONS: Record<string, OptionSpec> = {
  ...TARGET_OPTIONS,
  driver: { type: 'string' },
  device: { type: 'string' },
  config: { type: 'string' },
};

export const SELECTION_HELP = `  --device NAME      a device of the config's devices section: ${CONFIGURED_DEVICES.join(', ')}
                     (with --config or $KIOSK_CONFIG); or, by hand:
  --driver NAME      one of the kiosk's drivers:
${DRIVERS.map((d) => `                       ${d.name.padEnd(15)}${d.summary}`).join('\n')}
                     or a device word (${CONFIGURED_DEVICES.join(', ')}): its first driver
                     that works over the link given`;

/**
 * A driver chosen by hand over a link given by hand, as the config would hold it; the driver's
 * own schema fills its defaults. A link the driver cannot use names the drivers of its class that can.
 */
export function entryByHand(driver: DriverDefinition, transport: TransportConfig): DeviceEntry {
  if (!driver.transports.includes(transport.type)) {
    const others = driversOf(driver.deviceClass).filter((d) =>
      d.transports.includes(transport.type),
    );
    throw usageError(
      `the ${driver.name} driver works over ${driver.transports.join(' or ')}, not ${transport.type}` +
        (others.length
          ? ` (for ${transport.type}: --driver ${others.map((d) => d.name).join(' or ')})`
          : ''),
    );
  }
  return parseEntry(driver, { driver: driver.name, transport });
}

/** A config entry checked by its driver's own schema (defaults filled); a usage error otherwise. */
export function parseEntry(driver: DriverDefinition, raw: unknown): DeviceEntry {
  const parsed = driver.config.safeParse(raw);
  if (!parsed.success)
    throw usageError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  return parsed.data;
}

/** The first driver of a class that works over a link: for commands that know the class. */
export function defaultDriverFor(
  deviceClass: DeviceClass,
  transport: TransportConfig,
): DriverDefinition {
  const driver = driversOf(deviceClass).find((d) => d.transports.includes(transport.type));
  if (!driver) throw usageError(`no ${deviceClass} driver works over ${transport.type}`);
  return driver;
}

/**
 * What `--driver` names: a registry driver (or an older alias), or a device slot's word
 * (`printer`, `scanner`, ...: the older kiosk-diag names), which stands for the first driver of
 * that class that works over the link. Anything else is a usage error listing what exists.
 */
export function resolveDriver(name: string, transport?: TransportConfig): DriverDefinition {
  const driver = findDriver(name);
  if (driver) return driver;
  if (isDeviceName(name)) {
    const deviceClass = DEVICE_SLOTS[name];
    if (!transport) return driversOf(deviceClass)[0]!;
    return defaultDriverFor(deviceClass, transport);
  }
  const aliases = DRIVERS.flatMap((d) => (d.aliases ?? []).map((alias) => `${alias} = ${d.name}`));
  throw usageError(
    `no driver "${name}". Drivers: ${DRIVERS.map((d) => d.name).join(', ')}` +
      (aliases.length ? ` (older names: ${aliases.join(', ')})` : '') +
      `; or a device: ${CONFIGURED_DEVICES.join(', ')} (its class's driver for the link)`,
  );
}

const LINKS = '--port PATH, --tcp HOST:PORT, --hid ID or --file PATH';

/** `--device NAME` from the config, or `--driver` with `--port` / `--tcp` / `--hid` / `--file`. */
export function selectDevice(values: OptionValues, io: DiagIo): SelectedDevice {
  const driverName = stringOption(values, 'driver');
  const byHand = targetFromOptions(values);
  const name = choiceOption(values, 'device', CONFIGURED_DEVICES);
  if (name) {
    if (byHand)
      throw usageError('give either --device or a link (--port, --tcp, --hid, --file), not both');
    const { config, source } = loadDiagConfig(values, io);
    const configured = deviceFromConfig(config, source, name);
    if (driverName && !drivesIt(driverName, configured))
      throw usageError(
        `devices.${name} uses the ${configured.driver.name} driver, not ${driverName}`,
      );
    return configured;
  }
  if (stringOption(values, 'config') !== undefined) loadDiagConfig(values, io); // still report a broken config file
  if (!driverName)
    throw usageError(
      `--driver is required (${DRIVERS.map((d) => d.name).join(', ')}), or --device with a config`,
    );
  const driver = resolveDriver(driverName, byHand);
  if (!byHand) throw usageError(`say where the device is: ${LINKS}`);
  return { driver, entry: entryByHand(driver, byHand) };
}

/** `--driver` next to `--device`: the configured driver, or the word for its class. */
function drivesIt(driverName: string, configured: SelectedDevice): boolean {
  if (!findDriver(driverName) && isDeviceName(driverName))
    return DEVICE_SLOTS[driverName] === configured.driver.deviceClass;
  return resolveDriver(driverName) === configured.driver;
}
