import { readHostTls } from '../host/host-tls';
import type { MetricsConfig } from './metrics-config';
import { readPrivateFile } from './private-files';

/** What the metrics endpoint checks each scrape against: PEM text and the token itself. */
export interface MetricsAuth {
  bearerToken?: string;
  tls?: { cert: string; key: string; ca: string[] };
}

export type MetricsAuthRead =
  | { ok: true; auth: MetricsAuth }
  /** One line per bad file, each naming its field (`metrics.bearerTokenFile: ...`), never a secret. */
  | { ok: false; problems: string[] };

/** Printable, no spaces: what Prometheus sends after trimming its credentials file. */
const TOKEN = /^[\x21-\x7e]{32,1024}$/;

/** Reads and checks the token file and the TLS files of an enabled `metrics` section. */
export function readMetricsAuth(metrics: MetricsConfig): MetricsAuthRead {
  if (!metrics.enabled) return { ok: true, auth: {} };
  const problems: string[] = [];
  const auth: MetricsAuth = {};
  if (metrics.bearerTokenFile !== undefined) {
    const file = readPrivateFile(metrics.bearerTokenFile);
    if (!file.ok) problems.push(`metrics.bearerTokenFile: ${file.problem}`);
    else if (!TOKEN.test(file.text.trim()))
      problems.push(
        `metrics.bearerTokenFile: ${metrics.bearerTokenFile} must hold one token of 32 or more printable characters without spaces (e.g. openssl rand -hex 32)`,
      );
    else auth.bearerToken = file.text.trim();
  }
  if (metrics.tls) {
    const tls = readHostTls(metrics.tls, 'metrics.tls');
    if (!tls.ok) problems.push(...tls.problems);
    else {
      const { cert, key, ca } = tls.material;
      // All three are required by the schema, so a good read has all three.
      if (cert && key && ca) auth.tls = { cert, key, ca };
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, auth };
}
