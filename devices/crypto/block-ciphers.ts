import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Single-block ECB primitives on node:crypto. OpenSSL 3 (Node 20) has no `des-ecb` in its
 * default provider, so single DES runs as `des-ede3-ecb` with K||K||K (EDE with equal keys
 * collapses to one DES encryption) and double-length TDES as K1||K2||K1.
 */

function ecb(algorithm: string, key: Uint8Array, block: Uint8Array, encrypt: boolean): Buffer {
  const cipher = encrypt
    ? createCipheriv(algorithm, key, null)
    : createDecipheriv(algorithm, key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function tripleLength(key: Uint8Array): Buffer {
  if (key.length === 8) return Buffer.concat([key, key, key]);
  if (key.length === 16) return Buffer.concat([key, key.subarray(0, 8)]);
  if (key.length === 24) return Buffer.from(key);
  throw new Error('DES key must be 8, 16 or 24 bytes');
}

function checkBlock(block: Uint8Array, size: number): void {
  if (block.length !== size) throw new Error(`block must be ${size} bytes`);
}

/** Single DES (8-byte key) or TDES (16/24-byte key) encryption of one 8-byte block. */
export function desEncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block, 8);
  return ecb('des-ede3-ecb', tripleLength(key), block, true);
}

export function desDecryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block, 8);
  return ecb('des-ede3-ecb', tripleLength(key), block, false);
}

function aesAlgorithm(key: Uint8Array): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new Error('AES key must be 16, 24 or 32 bytes');
  }
  return `aes-${key.length * 8}-ecb`;
}

export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block, 16);
  return ecb(aesAlgorithm(key), key, block, true);
}

export function aesDecryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block, 16);
  return ecb(aesAlgorithm(key), key, block, false);
}
