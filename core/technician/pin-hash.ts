import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * What a stored hash may ask of the kiosk. scrypt takes 128·N·r bytes and time in N·r·p, and
 * the first PIN try runs it on the kiosk: without bounds a hash with N = 2^30 would hang it.
 * The ceiling is twice the default's memory and eight times its work (the default, N 2^14,
 * r 8, p 1, takes 16 MiB).
 */
export const SCRYPT_LIMITS = {
  minLog2N: 10,
  maxLog2N: 16,
  maxR: 16,
  maxP: 4,
  maxMemoryBytes: 32 * 1024 * 1024,
  saltBytes: { min: 16, max: 64 },
} as const;

/** Node's own memory guard sits above ours, so a hash the config accepts always derives. */
const MAX_MEM = 2 * SCRYPT_LIMITS.maxMemoryBytes;

export interface PinHashParameters {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$16384$8$1$<salt b64>$<hash b64>`: what the config file stores, never the PIN. */
export async function hashTechnicianPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(pin, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

const FORMAT =
  /^scrypt\$(\d{1,10})\$(\d{1,4})\$(\d{1,4})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** Base64 that decodes to exactly itself again (Node's decoder skips what it does not know). */
function strictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Reads a stored hash; the error says what is wrong with it, never anything of the PIN. */
export function parsePinHash(
  stored: string,
): { ok: true; parameters: PinHashParameters } | { ok: false; error: string } {
  const match = FORMAT.exec(stored);
  if (!match) return { ok: false, error: 'use the output of npm run hash-pin' };
  const [n, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const { minLog2N, maxLog2N, maxR, maxP, maxMemoryBytes, saltBytes } = SCRYPT_LIMITS;
  const log2N = Math.log2(n);
  if (!Number.isInteger(log2N) || log2N < minLog2N || log2N > maxLog2N)
    return {
      ok: false,
      error: `scrypt N must be a power of two from 2^${minLog2N} to 2^${maxLog2N}`,
    };
  if (r < 1 || r > maxR) return { ok: false, error: `scrypt r must be 1 to ${maxR}` };
  if (p < 1 || p > maxP) return { ok: false, error: `scrypt p must be 1 to ${maxP}` };
  if (128 * n * r > maxMemoryBytes)
    return { ok: false, error: `scrypt N and r need more than ${maxMemoryBytes >> 20} MiB` };
  const salt = strictBase64(match[4]!);
  if (!salt || salt.length < saltBytes.min || salt.length > saltBytes.max)
    return {
      ok: false,
      error: `the salt must be ${saltBytes.min} to ${saltBytes.max} bytes of base64`,
    };
  const hash = strictBase64(match[5]!);
  if (!hash || hash.length !== KEY_LENGTH)
    return {
      ok: false,
      error: `the hash must be ${KEY_LENGTH} bytes of base64 (is it cut short?)`,
    };
  return { ok: true, parameters: { n, r, p, salt, hash } };
}

/** A stored technician PIN hash, checked at config load with the same rule the PIN check uses. */
export const TechnicianPinHash = z.string().superRefine((stored, ctx) => {
  const parsed = parsePinHash(stored);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
});

/** Constant-time check of a PIN against a stored hash; a malformed hash never matches. */
export async function verifyTechnicianPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed.ok) return false;
  const { n, r, p, salt, hash } = parsed.parameters;
  const key = await derive(pin, salt, n, r, p);
  return timingSafeEqual(key, hash);
}
