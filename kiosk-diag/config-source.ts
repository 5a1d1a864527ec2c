import { ConfigError, loadConfig } from '../core/config/load-config';
import type { KioskConfig } from '../core/config/kiosk-config';
import { stringOption, type OptionValues } from './args';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

export const CONFIG_OPTION = { config: { type: 'string' } } as const;

export interface LoadedConfig {
  config: KioskConfig;
  /** The file read, or `defaults`. */
  source: string;
}

/** `--config path`, else the KIOSK_CONFIG environment variable, else the built-in defaults. */
export function loadDiagConfig(values: OptionValues, io: DiagIo): LoadedConfig {
  const path = stringOption(values, 'config') ?? (io.env.KIOSK_CONFIG || undefined);
  try {
    return { config: loadConfig(path), source: path ?? 'defaults' };
  } catch (error) {
    // ConfigError already names the file and every bad field.
    if (error instanceof ConfigError) throw usageError(error.message);
    throw error;
  }
}

/** Whether the technician pointed at a config file (flag or KIOSK_CONFIG) rather than the defaults. */
export function hasExplicitConfig(values: OptionValues, io: DiagIo): boolean {
  return stringOption(values, 'config') !== undefined || Boolean(io.env.KIOSK_CONFIG);
}
