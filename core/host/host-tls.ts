import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HostTlsConfig } from './host-config';

/** What node:https needs for the host link; PEM text. */
export interface HostTlsMaterial {
  /** The pinned CA certificates; absent: the system's default roots. */
  ca?: string[];
  cert?: string;
  key?: string;
}

export type HostTlsRead =
  | { ok: true; material: HostTlsMaterial }
  /** One line per bad file, each naming its field (`host.tls.caFile: ...`) and path, never key bytes. */
  | { ok: false; problems: string[] };

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads and checks the files of `host.tls`: readable, PEM, parseable, key matching the cert. */
export function readHostTls(tls: HostTlsConfig | undefined, field = 'host.tls'): HostTlsRead {
  if (!tls) return { ok: true, material: {} };
  const problems: string[] = [];
  const material: HostTlsMaterial = {};
  const read = (name: keyof HostTlsConfig): string | null => {
    const path = tls[name];
    if (path === undefined) return null;
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`${field}.${name}: cannot read ${path} (${code})`);
      return null;
    }
  };

  const caText = read('caFile');
  if (caText !== null) {
    const certificates = caText.match(PEM_CERTIFICATE) ?? [];
    if (certificates.length === 0) {
      problems.push(`${field}.caFile: ${tls.caFile} holds no PEM certificate`);
    } else if (!certificates.every(isCertificate)) {
      problems.push(`${field}.caFile: ${tls.caFile} holds a certificate that does not parse`);
    } else {
      material.ca = certificates;
    }
  }

  const certText = read('certFile');
  const keyText = read('keyFile');
  let certificate: X509Certificate | null = null;
  if (certText !== null) {
    certificate = parseCertificate(certText.match(PEM_CERTIFICATE)?.[0]);
    if (!certificate) problems.push(`${field}.certFile: ${tls.certFile} is not a PEM certificate`);
  }
  let key: KeyObject | null = null;
  if (keyText !== null) {
    key = parsePrivateKey(keyText);
    if (!key) {
      problems.push(`${field}.keyFile: ${tls.keyFile} is not an unencrypted PEM private key`);
    }
  }
  if (certificate && key) {
    if (certificate.checkPrivateKey(key)) {
      material.cert = certText!;
      material.key = keyText!;
    } else {
      problems.push(`${field}.keyFile: ${tls.keyFile} is not the key of ${tls.certFile}`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, material };
}

function parseCertificate(pem: string | undefined): X509Certificate | null {
  if (!pem) return null;
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

const isCertificate = (pem: string) => parseCertificate(pem) !== null;

function parsePrivateKey(pem: string): KeyObject | null {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return null;
  }
}
