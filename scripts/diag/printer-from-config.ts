import type { KioskConfig } from '../../core/config/kiosk-config';
import type { PrinterModel } from '../../devices/printer/escpos-job-encoder';
import type { DeviceTarget } from './device-target';
import { usageError } from './exit-codes';

export interface ConfiguredPrinter {
  target: DeviceTarget;
  columns?: number;
  printerModel?: PrinterModel;
}

/** The receipt printer of the config's `devices.printer` section (already validated on load). */
export function printerFromConfig(config: KioskConfig, source: string): ConfiguredPrinter {
  const printer = config.devices?.printer;
  if (!printer)
    throw usageError(
      `${source} has no devices.printer section: say where the printer is with --port PATH or --tcp HOST:PORT`,
    );
  return {
    target: { kind: 'configured', transport: printer.transport },
    columns: printer.options?.columns,
    // The config names a profile of the encoder; an unknown one fails when the first job is encoded.
    printerModel: printer.options?.printerModel as PrinterModel | undefined,
  };
}
