import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { HostTlsMaterial } from './host-tls';

/**
 * One HTTP exchange with the host over node:http / node:https rather than global fetch: it takes
 * a pinned CA and a client certificate per agent (fetch needs undici's Agent for that), never
 * follows a redirect, and lets the reply be capped as it streams in, after decoding.
 */

export interface ExchangeRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface ExchangeReply {
  status: number;
  /** The media type, lower case, without parameters (`application/json`); '' when absent. */
  mediaType: string;
  /** The decoded body, at most the cap. */
  body: Buffer;
}

/** Why an exchange failed: a Node error code (`ECONNRESET`, ...) or one of ours. */
export class ExchangeError extends Error {
  constructor(
    readonly code: string,
    /** The reply broke a rule (too large, unknown encoding) rather than the connection failing. */
    readonly malformed = false,
  ) {
    super(`host exchange failed: ${code}`);
    this.name = 'ExchangeError';
  }
}

/** The encodings the kiosk asks for and can decode; anything else is a malformed reply. */
export const ACCEPT_ENCODING = 'gzip, deflate';

export type HostAgent = HttpAgent | HttpsAgent;

export function createHostAgent(url: URL, tls: HostTlsMaterial = {}): HostAgent {
  // No keep-alive: a pooled socket the gateway closed meanwhile resets the next request, and a
  // verification is never retried; a fresh connection per call costs a handshake, not a failure.
  const common = { keepAlive: false, maxSockets: 4 };
  return url.protocol === 'https:'
    ? new HttpsAgent({ ...common, ca: tls.ca, cert: tls.cert, key: tls.key })
    : new HttpAgent(common);
}

/**
 * Settles once, whatever the host does: a reply, an error, a 101 (Node emits 'upgrade', not
 * 'response', and closes the socket when nobody listens), a socket closed before any reply, or
 * the signal aborting in any phase (which destroys the request).
 */
export function exchange(
  request: ExchangeRequest,
  agent: HostAgent,
  maxBodyBytes: number,
): Promise<ExchangeReply> {
  const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(request.url, {
      method: request.method,
      headers: request.headers,
      agent,
    });
    let settled = false;
    let responded = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      request.signal.removeEventListener('abort', abort);
      return true;
    };
    const fail = (error: unknown) => {
      if (!settle()) return;
      outgoing.destroy();
      reject(asExchangeError(error));
    };
    const abort = () => fail(new ExchangeError('aborted'));
    // Before any destroy: a request destroyed with no error listener throws 'socket hang up'.
    outgoing.on('error', fail);
    if (request.signal.aborted) return abort();
    request.signal.addEventListener('abort', abort, { once: true });

    outgoing.on('upgrade', (_response, socket) => {
      socket.destroy();
      fail(new ExchangeError('HTTP 101'));
    });
    outgoing.on('close', () => {
      if (!responded) fail(new ExchangeError('ECONNRESET'));
    });
    outgoing.on('response', (response) => {
      responded = true;
      readCapped(response, maxBodyBytes).then(
        (body) => {
          if (settle()) {
            resolve({ status: response.statusCode ?? 0, mediaType: mediaTypeOf(response), body });
          }
        },
        (error: unknown) => {
          response.destroy();
          fail(error);
        },
      );
    });
    outgoing.end(request.body);
  });
}

/** Reads the reply, decoded, failing as soon as the wire bytes or the decoded bytes pass the cap. */
function readCapped(response: IncomingMessage, maxBodyBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      return reject(new ExchangeError('reply too large', true));
    }
    const decoder = decoderFor(response.headers['content-encoding']);
    if (decoder === 'unknown') {
      return reject(new ExchangeError('unsupported content-encoding', true));
    }
    const chunks: Buffer[] = [];
    let wireBytes = 0;
    let bodyBytes = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      reject(error);
    };
    response.on('data', (chunk: Buffer) => {
      wireBytes += chunk.length;
      if (wireBytes > maxBodyBytes) fail(new ExchangeError('reply too large', true));
    });
    response.on('error', fail);
    response.on('aborted', () => fail(new ExchangeError('ECONNRESET')));
    const body = decoder ?? response;
    if (decoder) {
      response.pipe(decoder);
      decoder.on('error', () => fail(new ExchangeError('reply encoding is broken', true)));
    }
    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      bodyBytes += chunk.length;
      if (bodyBytes > maxBodyBytes) return fail(new ExchangeError('reply too large', true));
      chunks.push(chunk);
    });
    body.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

function decoderFor(encoding: string | undefined): Transform | null | 'unknown' {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    default:
      return 'unknown';
  }
}

function mediaTypeOf(response: IncomingMessage): string {
  return (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Keeps the cause's code only: a message could echo data. */
function asExchangeError(error: unknown): ExchangeError {
  if (error instanceof ExchangeError) return error;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return new ExchangeError(code);
    current = current.cause;
  }
  return new ExchangeError('network error');
}
