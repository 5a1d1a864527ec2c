import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { HostErrorBody, HostErrorCode } from '../../core/host/host-api';

const MAX_BODY_BYTES = 16 * 1024;

export class BadRequest extends Error {}

/** The request body parsed as JSON; BadRequest when it is too large or not JSON. */
export async function readJson(
  request: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('request body is not valid JSON');
  }
}

/**
 * The body as its schema reads it, or null once a 400 saying what is `expected` was sent (the
 * answer never echoes what came in).
 */
export async function readBody<T>(
  schema: z.ZodType<T>,
  request: IncomingMessage,
  response: ServerResponse,
  expected: string,
  maxBytes = MAX_BODY_BYTES,
): Promise<T | null> {
  const parsed = schema.safeParse(await readJson(request, maxBytes));
  if (parsed.success) return parsed.data;
  sendError(response, 400, 'badRequest', expected);
  return null;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendRaw(response, status, JSON.stringify(body));
}

export function sendRaw(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** 204: done, nothing to say. */
export function sendNoContent(response: ServerResponse): void {
  response.writeHead(204, { 'cache-control': 'no-store' });
  response.end();
}

export function sendError(
  response: ServerResponse,
  status: number,
  code: HostErrorCode,
  message: string,
  extra: Pick<HostErrorBody, 'attemptsLeft' | 'retryAt' | 'retryAfterSeconds'> = {},
): void {
  const body: HostErrorBody = { code, message, ...extra };
  sendJson(response, status, body);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}
