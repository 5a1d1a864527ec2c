import { ConfigError } from '../core/config/load-config';
import type { KioskConfig } from '../core/config/kiosk-config';
import { createHostClient } from '../core/host/create-host-client';
import type { HostClient } from '../core/host/host-client';
import { loadHostClientModule } from '../core/kiosk/host-client-module';
import { createLogger } from '../core/log/logger';
import type { DiagIo } from './diag-io';
import { usageError } from './exit-codes';

export interface DiagHostClient {
  client: HostClient;
  /** `built-in HTTP client`, or `host.clientModule /path/bank-host.mjs`. */
  via: string;
  /** Closes a module's client when it has a close(); safe to call always. */
  close(): Promise<void>;
}

/**
 * The host client the kiosk itself would use for this config: a bank's `host.clientModule`
 * through the runtime's own loader (its host section given `--url` / `--timeout` in place of
 * the configured ones), else the built-in HTTP client. A module that cannot be loaded, or
 * lacks a method, is a configuration error (exit 2) naming the file.
 */
export async function diagHostClient(
  config: KioskConfig,
  io: DiagIo,
  overrides: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<DiagHostClient> {
  const { clientModule } = config.host;
  if (clientModule === undefined)
    return {
      client: createHostClient(config, overrides),
      via: 'built-in HTTP client',
      close: async () => undefined,
    };
  const host = {
    ...config.host,
    clientModule,
    url: overrides.baseUrl ?? config.host.url,
    timeoutMs: overrides.timeoutMs ?? config.host.timeoutMs,
  };
  // The module's own log lines go to stderr, so stdout stays one JSON document with --json.
  const logger = createLogger({ level: 'warn', name: 'kiosk-diag', destination: io.stderr });
  let client: HostClient;
  try {
    client = await loadHostClientModule(host, { logger, terminalId: config.terminalId });
  } catch (error) {
    if (error instanceof ConfigError) throw usageError(error.message);
    throw error;
  }
  const close = (client as Partial<{ close: () => unknown }>).close;
  return {
    client,
    via: `host.clientModule ${clientModule}`,
    close: async () => {
      if (typeof close === 'function') await close.call(client);
    },
  };
}
