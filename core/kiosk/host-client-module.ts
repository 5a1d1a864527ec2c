import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/load-config';
import type { HostConfig } from '../host/host-config';
import { checkedHostClient } from '../host/checked-host-client';
import { HostError, type HostClient } from '../host/host-client';
import type { Logger } from '../log/logger';

/** What `createHostClient` in a `host.clientModule` is given besides the `host` section. */
export interface HostClientModuleContext {
  logger: Logger;
  terminalId: string;
  /**
   * The kiosk's own HostError: a client rejects with `new HostError({ kind: 'notFound' })` etc.
   * Anything else it throws counts as the host being unavailable. Given here so a module needs
   * no import from the kiosk's sources (which a packaged Electron build does not ship).
   */
  HostError: typeof HostError;
}

/** The one export a host client module must have. */
export type CreateHostClient = (
  hostConfig: HostConfig,
  context: HostClientModuleContext,
) => HostClient | Promise<HostClient>;

/** Every method of HostClient, so a client missing one is refused at start, not mid-session. */
const HOST_CLIENT_METHODS = [
  'lookup',
  'verifyBirthDate',
  'verifyBankCard',
  'sendOtp',
  'verifyOtp',
  'balance',
  'contributions',
  'ping',
  'sendJournalAnchor',
  'latestJournalAnchor',
  'journalShipped',
  'shipJournalRecords',
] as const satisfies ReadonlyArray<keyof HostClient>;

/**
 * The integrator's HostClient from `host.clientModule`: imported, its `createHostClient` called
 * with the host section, the result checked for every method (ConfigErrors naming the file) and
 * its replies checked against the host API schemas at every call (checkedHostClient).
 */
export async function loadHostClientModule(
  hostConfig: HostConfig & { clientModule: string },
  context: Omit<HostClientModuleContext, 'HostError'>,
): Promise<HostClient> {
  const file = resolve(hostConfig.clientModule);
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      `host.clientModule ${file} could not be loaded: ${(error as Error).message}`,
    );
  }
  const create = module.createHostClient;
  if (typeof create !== 'function') {
    const found = create === undefined ? 'it has no such export' : `it is a ${typeof create}`;
    throw new ConfigError(
      `host.clientModule ${file} must export a function createHostClient(hostConfig, { logger, terminalId, HostError }); ${found}`,
    );
  }
  const client = (await (create as CreateHostClient)(hostConfig, {
    ...context,
    HostError,
  })) as unknown;
  const missing =
    client && typeof client === 'object'
      ? HOST_CLIENT_METHODS.filter(
          (method) => typeof (client as Record<string, unknown>)[method] !== 'function',
        )
      : HOST_CLIENT_METHODS;
  if (missing.length > 0) {
    throw new ConfigError(
      `host.clientModule ${file}: createHostClient returned a host client without ${missing.join(', ')}`,
    );
  }
  // Held to the built-in client's contract; its own close() (if any) kept for the runtime.
  const checked = checkedHostClient(client as HostClient);
  const close = (client as { close?: unknown }).close;
  return typeof close === 'function'
    ? Object.assign(checked, { close: () => (close as () => unknown).call(client) })
    : checked;
}
