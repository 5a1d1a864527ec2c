import type { KioskConfig } from '../../core/config/kiosk-config';
import { PrinterConfig } from '../../devices/manager/device-config';
import type { DeviceTarget } from './device-target';
import { usageError } from './exit-codes';

export interface ConfiguredPrinter {
  target: DeviceTarget;
  columns?: number;
}

/**
 * The receipt printer of the config's `devices.printer` section (devices/manager's schema).
 * Read loosely from the loaded config so this works whether or not core's schema carries it.
 */
export function printerFromConfig(config: KioskConfig, source: string): ConfiguredPrinter {
  const section = (config as { devices?: { printer?: unknown } }).devices?.printer;
  if (section === undefined)
    throw usageError(
      `${source} has no devices.printer section: say where the printer is with --port PATH or --tcp HOST:PORT`,
    );
  const parsed = PrinterConfig.safeParse(section);
  if (!parsed.success) {
    const fields = parsed.error.issues.map(
      (issue) => `  - devices.printer.${issue.path.join('.')}: ${issue.message}`,
    );
    throw usageError(`Invalid printer configuration in ${source}:\n${fields.join('\n')}`);
  }
  const transport = parsed.data.transport;
  const target: DeviceTarget =
    transport.type === 'serial'
      ? { kind: 'serial', path: transport.path, baudRate: transport.baudRate }
      : { kind: 'tcp', host: transport.host, port: transport.port };
  return { target, columns: parsed.data.options?.columns };
}
