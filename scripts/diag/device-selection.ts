import { choiceOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { loadDiagConfig } from './config-source';
import { CONFIGURED_DEVICES, deviceFromConfig, type ConfiguredDevice } from './configured-device';
import { DRIVERS } from './connect-device';
import { targetFromOptions, TARGET_OPTIONS } from './device-target';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

export const SELECTION_OPTIONS: Record<string, OptionSpec> = {
  ...TARGET_OPTIONS,
  driver: { type: 'string' },
  device: { type: 'string' },
  config: { type: 'string' },
};

export const SELECTION_HELP = `  --device NAME      a device of the config's devices section: printer, cardReader, pinPad,
                     scanner (with --config or $KIOSK_CONFIG); or, by hand:
  --driver NAME      escpos (receipt printer), magstripe (card reader), pinpad, scanner`;

/** `--device NAME` from the config, or `--driver` with `--port` / `--tcp` / `--hid`. */
export function selectDevice(values: OptionValues, io: DiagIo): ConfiguredDevice {
  const driver = choiceOption(values, 'driver', DRIVERS);
  const byHand = targetFromOptions(values);
  const name = choiceOption(values, 'device', CONFIGURED_DEVICES);
  if (name) {
    if (byHand) throw usageError('give either --device or --port/--tcp/--hid, not both');
    const { config, source } = loadDiagConfig(values, io);
    const configured = deviceFromConfig(config, source, name);
    if (driver && driver !== configured.driver)
      throw usageError(`devices.${name} uses the ${configured.driver} driver, not ${driver}`);
    return configured;
  }
  if (stringOption(values, 'config') !== undefined) loadDiagConfig(values, io); // still report a broken config file
  if (!driver)
    throw usageError(
      '--driver is required (escpos, magstripe, pinpad or scanner), or --device with a config',
    );
  if (!byHand)
    throw usageError('say where the device is: --port PATH, --tcp HOST:PORT or --hid ID');
  return { driver, target: byHand };
}
