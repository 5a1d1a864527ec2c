import { z } from 'zod';
import { withoutControlCharacters } from '../../devices/common/control-free-path';
import { hostUrlProblem } from './host-url-policy';

/**
 * TLS for the host link, as a bank or BPJS gateway demands it: a pinned CA bundle (only these
 * CAs are trusted, not the system's) and a client certificate for mutual TLS. PEM files; the
 * config holds paths only, `readHostTls` reads and checks them when the config is loaded.
 */
export const HostTlsConfig = z
  .object({
    /** PEM bundle of the CA certificates that may sign the host's certificate. */
    caFile: withoutControlCharacters(z.string().min(1).max(4096)).optional(),
    /** PEM client certificate (with its chain) for mutual TLS; needs keyFile. */
    certFile: withoutControlCharacters(z.string().min(1).max(4096)).optional(),
    /** PEM private key of certFile (unencrypted; keep the file owner-only). */
    keyFile: withoutControlCharacters(z.string().min(1).max(4096)).optional(),
  })
  .strict()
  .refine((tls) => (tls.certFile === undefined) === (tls.keyFile === undefined), {
    message: 'certFile and keyFile must be given together',
    path: ['keyFile'],
  });
export type HostTlsConfig = z.infer<typeof HostTlsConfig>;

export const DEFAULT_HOST_URL = 'http://127.0.0.1:8787';

/** The `host` section of the kiosk configuration. */
export const HostConfig = z
  .object({
    url: z
      .url()
      .superRefine((url, ctx) => {
        const problem = hostUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_HOST_URL),
    timeoutMs: z.number().int().min(500).max(60_000).default(8_000),
    tls: HostTlsConfig.optional(),
    /**
     * An ES module of your own that talks to your host instead of the built-in HTTP client: it
     * exports `createHostClient(hostConfig, { logger, terminalId, HostError })` returning a HostClient
     * (core/host/host-client.ts). A relative path is from the working directory, as the journal's.
     */
    clientModule: withoutControlCharacters(z.string().min(1).max(4096)).optional(),
    /** Settings for that module, passed through as they are (keep secrets in files it reads). */
    clientOptions: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((host, ctx) => {
    if (host.tls && new URL(host.url).protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'tls needs an https:// url', path: ['tls'] });
    }
  });
export type HostConfig = z.infer<typeof HostConfig>;
