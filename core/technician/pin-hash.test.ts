import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/load-config';
import { hashTechnicianPin, verifyTechnicianPin } from './pin-hash';

const SALT = Buffer.alloc(16, 7).toString('base64');
const HASH = Buffer.alloc(32, 9).toString('base64');
const withPinHash = (pinHash: string) => () => parseConfig({ technician: { pinHash } });

describe('technician PIN hash', () => {
  it('accepts what npm run hash-pin prints, and only the right PIN matches it', async () => {
    const pinHash = await hashTechnicianPin('2468');
    expect(parseConfig({ technician: { pinHash } }).technician.pinHash).toBe(pinHash);
    expect(await verifyTechnicianPin('2468', pinHash)).toBe(true);
    expect(await verifyTechnicianPin('2469', pinHash)).toBe(false);
  });

  it('refuses at load scrypt parameters that would hang the kiosk at the first PIN try', () => {
    const cases: [string, RegExp][] = [
      [`scrypt$${2 ** 30}$8$1`, /N must be a power of two from 2\^10 to 2\^16/],
      ['scrypt$16383$8$1', /N must be a power of two/],
      ['scrypt$512$8$1', /N must be a power of two/],
      ['scrypt$32768$8$1000', /p must be 1 to 4/],
      ['scrypt$16384$0$1', /r must be 1 to 16/],
      ['scrypt$16384$64$1', /r must be 1 to 16/],
      ['scrypt$65536$16$1', /need more than 32 MiB/],
    ];
    for (const [parameters, reason] of cases) {
      const load = withPinHash(`${parameters}$${SALT}$${HASH}`);
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(new RegExp(`technician\\.pinHash: .*${reason.source}`));
    }
  });

  it('refuses at load a hash cut short, instead of a PIN that never matches', async () => {
    const pinHash = await hashTechnicianPin('2468');
    for (const cut of [pinHash.slice(0, -4), pinHash.slice(0, -1), pinHash.slice(0, -8)])
      expect(withPinHash(cut)).toThrow(/technician\.pinHash: the hash must be 32 bytes/);
    expect(withPinHash(`scrypt$16384$8$1$c2FsdA==$${HASH}`)).toThrow(
      /technician\.pinHash: the salt must be 16 to 64 bytes/,
    );
    expect(withPinHash('plain-text')).toThrow(
      /technician\.pinHash: use the output of npm run hash-pin/,
    );
  });

  it('never runs scrypt for a hash the config would refuse', async () => {
    expect(await verifyTechnicianPin('2468', `scrypt$32768$8$1000$${SALT}$${HASH}`)).toBe(false);
    expect(await verifyTechnicianPin('2468', 'plain-text')).toBe(false);
  });
});
