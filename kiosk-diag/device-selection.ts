import type { DeviceClass } from '../devices/common/device';
import type { DeviceEntry, DriverDefinition } from '../devices/drivers/driver-definition';
import { DRIVERS, driversOf, findDriver } from '../devices/drivers/registry';
import type { TransportConfig } from '../devices/transports/transport-kinds';
import { choiceOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { loadDiagConfig } from './config-source';
import { CONFIGURED_DEVICES, deviceFromConfig, type SelectedDevice } from './configured-device';
import { targetFromOptions, TARGET_OPTIONS } from './device-target';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

/** Every name `--driver` takes: the registry's drivers and their older aliases. */
export const DRIVER_NAMES = DRIVERS.flatMap((driver) => [driver.name, ...(driver.aliases ?? [])]);

export const SELECTION_OPTIONS: Record<string, OptionSpec> = {
  ...TARGET_OPTIONS,
  driver: { type: 'string' },
  device: { type: 'string' },
  config: { type: 'string' },
};

export const SELECTION_HELP = `  --device NAME      a device of the config's devices section: ${CONFIGURED_DEVICES.join(', ')}
                     (with --config or $KIOSK_CONFIG); or, by hand:
  --driver NAME      one of the kiosk's drivers:
${DRIVERS.map((d) => `                       ${d.name.padEnd(15)}${d.summary}`).join('\n')}`;

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

/** `--device NAME` from the config, or `--driver` with `--port` / `--tcp` / `--hid`. */
export function selectDevice(values: OptionValues, io: DiagIo): SelectedDevice {
  const driverName = choiceOption(values, 'driver', DRIVER_NAMES);
  const byHand = targetFromOptions(values);
  const name = choiceOption(values, 'device', CONFIGURED_DEVICES);
  if (name) {
    if (byHand) throw usageError('give either --device or --port/--tcp/--hid, not both');
    const { config, source } = loadDiagConfig(values, io);
    const configured = deviceFromConfig(config, source, name);
    if (driverName && findDriver(driverName) !== configured.driver)
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
  if (!byHand)
    throw usageError('say where the device is: --port PATH, --tcp HOST:PORT or --hid ID');
  const driver = findDriver(driverName)!;
  return { driver, entry: entryByHand(driver, byHand) };
}
