import type { KioskConfig } from '../../core/config/kiosk-config';
import type { PrinterModel } from '../../devices/printer/escpos-job-encoder';
import type { DriverName } from './connect-device';
import type { DeviceTarget } from './device-target';
import { usageError } from './exit-codes';

export const CONFIGURED_DEVICES = ['printer', 'cardReader', 'pinPad', 'scanner'] as const;
export type ConfiguredDeviceName = (typeof CONFIGURED_DEVICES)[number];

export interface ConfiguredDevice {
  driver: DriverName;
  target: DeviceTarget;
  /** Printer only. */
  columns?: number;
  printerModel?: PrinterModel;
}

/** A device of the config's `devices` section (validated on load), as kiosk-diag reaches it. */
export function deviceFromConfig(
  config: KioskConfig,
  source: string,
  name: ConfiguredDeviceName,
): ConfiguredDevice {
  const devices = config.devices;
  const missing = () =>
    usageError(
      `${source} has no devices.${name} section: say where the device is with --port, --tcp or --hid`,
    );
  switch (name) {
    case 'printer': {
      const printer = devices?.printer;
      if (!printer) throw missing();
      const options = printer.options as { columns?: number; printerModel?: string } | undefined;
      return {
        driver: 'escpos',
        target: { kind: 'configured', transport: printer.transport },
        columns: options?.columns,
        // The config names an encoder profile; an unknown one fails when the first job is encoded.
        printerModel: options?.printerModel as PrinterModel | undefined,
      };
    }
    case 'cardReader': {
      const reader = devices?.cardReader;
      if (!reader) throw missing();
      return { driver: 'magstripe', target: { kind: 'configured', transport: reader.transport } };
    }
    case 'pinPad': {
      const pad = devices?.pinPad;
      if (!pad) throw missing();
      return { driver: 'pinpad', target: { kind: 'configured', transport: pad.transport } };
    }
    case 'scanner': {
      const scanner = devices?.scanner;
      if (!scanner) throw missing();
      return { driver: 'scanner', target: { kind: 'configured', transport: scanner.transport } };
    }
  }
}
