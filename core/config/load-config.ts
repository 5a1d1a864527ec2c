import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { readHostTls } from '../host/host-tls';
import type { StaticAsset } from '../common/static-asset';
import { KioskConfig } from './kiosk-config';
import { readMetricsAuth, type MetricsAuth } from './metrics-auth';
import { readThemeLogo } from './theme/theme-logo';

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
  throw invalid(
    source,
    result.error.issues.map(
      (issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
    ),
  );
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
  const parsed = parseConfig(raw, source);
  // A theme's logo sits beside its config file, wherever the kiosk is started from.
  const logo = parsed.theme?.logo;
  const config: KioskConfig =
    logo && parsed.theme
      ? { ...parsed, theme: { ...parsed.theme, logo: resolve(dirname(source), logo) } }
      : parsed;
  // The files the config names are checked now, so a kiosk does not start with a broken link.
  const tls = readHostTls(config.host.tls);
  const logoCheck = config.theme?.logo ? readThemeLogo(config.theme.logo) : null;
  const metricsAuth = readMetricsAuth(config.metrics);
  const problems = [
    ...(tls.ok ? [] : tls.problems),
    ...(metricsAuth.ok ? [] : metricsAuth.problems),
    ...(logoCheck && !logoCheck.ok ? [logoCheck.problem] : []),
  ];
  if (problems.length > 0) throw invalid(source, problems);
  return config;
}

/** The metrics endpoint's token and TLS files, read and checked (a ConfigError naming the field). */
export function loadMetricsAuth(config: KioskConfig, source = 'config'): MetricsAuth {
  const read = readMetricsAuth(config.metrics);
  if (!read.ok) throw invalid(source, read.problems);
  return read.auth;
}

/** The theme's logo, read and checked (a ConfigError naming `theme.logo` if it fails). */
export function loadThemeLogo(config: KioskConfig, source = 'config'): StaticAsset | null {
  if (!config.theme?.logo) return null;
  const logo = readThemeLogo(config.theme.logo);
  if (!logo.ok) throw invalid(source, [logo.problem]);
  return logo.asset;
}

function invalid(source: string, problems: readonly string[]): ConfigError {
  const lines = problems.map((problem) => `  - ${problem}`);
  return new ConfigError(`Invalid kiosk configuration in ${source}:\n${lines.join('\n')}`);
}
