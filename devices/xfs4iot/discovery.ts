import { WebSocket } from 'ws';
import type { InterfaceName } from './message-catalog';

/** Where the publisher listens: XFS4IoT allows 80 or 443 and 5846-5856 (ServicePublisher.cs). */
export const PUBLISHER_PORTS = [80, ...Array.from({ length: 11 }, (_, i) => 5846 + i)] as const;
export const SECURE_PUBLISHER_PORTS = [443, ...PUBLISHER_PORTS.slice(1)] as const;
export const XFS4IOT_PATH = '/xfs4iot/v1.0';

export interface PublisherTarget {
  host: string;
  /** One port; without it the standard's ports are tried in order. */
  port?: number;
  secure: boolean;
  /** PEM certificates the service's certificate must chain to (wss only). */
  ca?: string;
}

export interface SocketOptions {
  connectTimeoutMs: number;
  ca?: string;
  /** The kiosk may send and receive at most this much in one message. */
  maxPayload: number;
}

export const portsToTry = (target: PublisherTarget): readonly number[] =>
  target.port !== undefined
    ? [target.port]
    : target.secure
      ? SECURE_PUBLISHER_PORTS
      : PUBLISHER_PORTS;

export const publisherUri = (target: PublisherTarget, port: number): string =>
  `${target.secure ? 'wss' : 'ws'}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${port}${XFS4IOT_PATH}`;

/** Opens one WebSocket, or says plainly why not (refused, timed out, certificate, HTTP status). */
export function openSocket(uri: string, options: SocketOptions): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(uri, {
      handshakeTimeout: options.connectTimeoutMs,
      maxPayload: options.maxPayload,
      ...(options.ca ? { ca: options.ca } : {}),
      // No proxy, no redirects: an ATM's services are on the ATM's own network.
      followRedirects: false,
    });
    const fail = (why: string) => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      reject(new Error(`${uri}: ${why}`));
    };
    socket.once('open', () => {
      socket.removeAllListeners();
      resolve(socket);
    });
    socket.once('unexpected-response', (_request, response) =>
      fail(`answered HTTP ${response.statusCode} instead of a WebSocket`),
    );
    socket.once('error', (error: NodeJS.ErrnoException) => fail(socketError(error)));
  });
}

function socketError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ECONNREFUSED') return 'connection refused';
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'host name not found';
  if (/timed out|timeout/i.test(error.message)) return 'no answer in time';
  if (/certificate|self.signed|CERT_/i.test(`${error.code} ${error.message}`))
    return `certificate not trusted (${error.code ?? error.message}); set the transport's ca`;
  return error.message;
}

/** The service's name in its URI (`.../xfs4iot/v1.0/CardReader1/` -> `CardReader1`). */
export function serviceNameOf(uri: string): string {
  const path = new URL(uri).pathname.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A service URI a publisher may hand out: ws(s), the XFS4IoT path, and wss when we asked so. */
export function checkServiceUri(uri: string, secure: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `'${uri.slice(0, 80)}' is not a URI`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return `${uri} is not a WebSocket URI`;
  if (secure && url.protocol !== 'wss:') return `${uri} is not wss:// on a secure publisher`;
  if (!url.pathname.startsWith(`${XFS4IOT_PATH}/`)) return `${uri} is not under ${XFS4IOT_PATH}/`;
  return undefined;
}

export interface FoundService {
  uri: string;
  interfaces: InterfaceName[];
  /** Common.Capabilities as the service answered it at discovery. */
  capabilities: Record<string, unknown>;
}
