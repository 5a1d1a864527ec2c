import { readFileSync } from 'node:fs';

import { readHostTls } from '../host/host-tls';
import { KioskConfig } from './kiosk-config';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates a config object, naming every bad field in the error. */
export function parseConfig(raw: unknown, source = 'config'): KioskConfig {
  const result = KioskConfig.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid kiosk configuration in ${source}:\n${lines.join('\n')}`);
}

/** Loads the JSON config file at `path`; with no path, the defaults (embedded simulators). */
export function loadConfig(path?: string): KioskConfig {
  if (!path) return parseConfig({}, 'defaults');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read kiosk configuration ${path}: ${(error as Error).message}`);
  }
  return parseConfigText(text, path);
}

/** Validates the text of a config file: JSON first, then every field. */
export function parseConfigText(text: string, source: string): KioskConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `Kiosk configuration ${source} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const config = parseConfig(raw, source);
  // The files the config names are checked now, so a kiosk does not start with a broken link.
  const tls = readHostTls(config.host.tls);
  if (!tls.ok) {
    const lines = tls.problems.map((problem) => `  - ${problem}`);
    throw new ConfigError(`Invalid kiosk configuration in ${source}:\n${lines.join('\n')}`);
  }
  return config;
}
