import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FUSE_BYTE } from './kiosk-fuses';
import { flipKioskFuses } from './flip-kiosk-fuses';

// The real @electron/fuses on a stand-in binary: only the fuse wire of Electron 45 (sentinel,
// version 1, nine fuses, all at Electron's defaults), padded with bytes that must not change.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_45_DEFAULTS = '101001001'; // RunAsNode .. WasmTrapHandlers
const padding = Buffer.alloc(64, 0xaa);

function fakeBinary(wire: string): Buffer {
  const header = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wire.length])]);
  return Buffer.concat([padding, header, Buffer.from(wire, 'latin1'), padding]);
}

function wireOf(binary: Buffer): string {
  const start = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
  return binary.subarray(start, start + binary[start - 1]!).toString('latin1');
}

let dir: string;
let binaryPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-fuses-'));
  binaryPath = join(dir, 'bpjs-kiosk');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('flipKioskFuses on an Electron 45 fuse wire', () => {
  it('sets the eight known fuses, leaves WasmTrapHandlers at its default, changes nothing else', async () => {
    writeFileSync(binaryPath, fakeBinary(ELECTRON_45_DEFAULTS));
    await flipKioskFuses(binaryPath);
    const flipped = readFileSync(binaryPath);
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, asar integrity 1, asar only 1,
    // browser V8 snapshot 0, file:// privileges 0, WasmTrapHandlers untouched (1).
    expect(wireOf(flipped)).toBe('010011001');
    expect(flipped.subarray(0, padding.length)).toEqual(padding);
    expect(flipped.subarray(-padding.length)).toEqual(padding);
  });

  it('fails on a binary with a fuse nobody decided (a later Electron)', async () => {
    writeFileSync(binaryPath, fakeBinary(`${ELECTRON_45_DEFAULTS}1`));
    await expect(flipKioskFuses(binaryPath)).rejects.toThrow(/fuse #9 is not decided/);
  });

  it('fails on a binary without a fuse wire', async () => {
    writeFileSync(binaryPath, padding);
    await expect(flipKioskFuses(binaryPath)).rejects.toThrow(/sentinel/);
  });

  it('reads the wire bytes as the fuse list expects them', () => {
    expect(String.fromCharCode(FUSE_BYTE.off, FUSE_BYTE.on, FUSE_BYTE.removed)).toBe('01r');
  });
});
