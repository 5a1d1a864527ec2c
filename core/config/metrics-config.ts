import { isIP } from 'node:net';
import { z } from 'zod';
import { withoutControlCharacters } from '../../devices/common/control-free-path';

const path = () => withoutControlCharacters(z.string().min(1).max(4096));

/** 127.0.0.0/8, ::1 and `localhost`: only programs on the kiosk PC itself can reach these. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Prometheus metrics (docs/metrics.md): off unless enabled. A listen address other than loopback
 * is refused without a way to tell Prometheus from anyone else on the branch network: a bearer
 * token from an owner-only file, or mutual TLS.
 */
export const MetricsConfig = z
  .object({
    enabled: z.boolean().default(false),
    listen: z
      .object({
        /** An IP address (or `localhost`) of this PC; `0.0.0.0` / `::` listen on all of them. */
        host: z
          .string()
          .refine((host) => host === 'localhost' || isIP(host) !== 0, 'use an IP address')
          .default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(9464),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 9464 }),
    /**
     * A file holding the token Prometheus sends as `Authorization: Bearer <token>` (its
     * `authorization.credentials_file`): owner-only (0600), at least 32 characters.
     */
    bearerTokenFile: path().optional(),
    /**
     * Mutual TLS: the endpoint speaks HTTPS with this certificate and key, and only a client
     * certificate signed by the CA in caFile may scrape (Prometheus' `tls_config`).
     */
    tls: z.object({ certFile: path(), keyFile: path(), caFile: path() }).strict().optional(),
  })
  .strict()
  .superRefine((metrics, ctx) => {
    const guarded = metrics.bearerTokenFile !== undefined || metrics.tls !== undefined;
    if (!metrics.enabled || guarded || isLoopbackHost(metrics.listen.host)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['listen', 'host'],
      message: `${metrics.listen.host} is reachable from other machines: set metrics.bearerTokenFile or metrics.tls so that only Prometheus can read the metrics, or listen on 127.0.0.1`,
    });
  });
export type MetricsConfig = z.infer<typeof MetricsConfig>;

export const METRICS_DEFAULTS: MetricsConfig = {
  enabled: false,
  listen: { host: '127.0.0.1', port: 9464 },
};
