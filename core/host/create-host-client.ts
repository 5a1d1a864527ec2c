import type { KioskConfig } from '../config/kiosk-config';
import { readHostTls } from './host-tls';
import { HttpHostClient, type HttpHostClientOptions } from './http-host-client';

/**
 * The HttpHostClient a config describes, TLS files read: what the kiosk, `kiosk-diag host` and
 * `kiosk-diag journal verify --anchor host` talk to the host with.
 */
export function createHostClient(
  config: Pick<KioskConfig, 'host' | 'terminalId'>,
  overrides: Partial<Pick<HttpHostClientOptions, 'baseUrl' | 'timeoutMs'>> = {},
): HttpHostClient {
  const tls = readHostTls(config.host.tls);
  // loadConfig already refused bad files; this is a file removed or changed since.
  if (!tls.ok) throw new Error(`host TLS files: ${tls.problems.join('; ')}`);
  return new HttpHostClient({
    baseUrl: overrides.baseUrl ?? config.host.url,
    terminalId: config.terminalId,
    timeoutMs: overrides.timeoutMs ?? config.host.timeoutMs,
    tls: tls.material,
  });
}
