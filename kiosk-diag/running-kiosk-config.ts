import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../core/config/load-config';
import { hasExplicitConfig, loadDiagConfig, type LoadedConfig } from './config-source';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';
import { askKiosk, socketPath } from './kiosk-socket';
import type { OptionValues } from './args';

/** A running kiosk answers its socket at once; no kiosk must not slow a command down. */
const ASK_TIMEOUT_MS = 1000;

/**
 * `--config` or $KIOSK_CONFIG when given; else the config file of the kiosk running here,
 * asked through its diagnostics socket as `kiosk status` does (`npm start` writes its embedded
 * config to a file with the simulators' ports); else the built-in defaults.
 */
export async function loadRunningKioskConfig(
  values: OptionValues,
  io: DiagIo,
): Promise<LoadedConfig> {
  if (hasExplicitConfig(values, io)) return loadDiagConfig(values, io);
  const defaults = loadDiagConfig(values, io);
  let path: string | undefined;
  try {
    const answer = await askKiosk(
      socketPath(values, io),
      { cmd: 'status' },
      { timeoutMs: ASK_TIMEOUT_MS, signal: io.signal },
    );
    path = answer.ok && 'status' in answer ? answer.status.info.configPath : undefined;
  } catch {
    return defaults; // no kiosk running here (or no socket configured)
  }
  if (!path || !existsSync(path)) return defaults; // the kiosk itself runs on the defaults
  try {
    return { config: loadConfig(path), source: `${path} (the running kiosk's)` };
  } catch (error) {
    if (error instanceof ConfigError) throw usageError(error.message);
    throw error;
  }
}
