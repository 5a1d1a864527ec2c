import { desEncryptBlock } from '../../devices/crypto/block-ciphers';
import { fromHex, toHex } from '../../devices/crypto/bytes';
import {
  aesKsn,
  deriveAesInitialKey,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  nextAesKsn,
} from '../../devices/crypto/dukpt-aes';
import { deriveTdesIpek, deriveTdesPinKey, nextTdesKsn } from '../../devices/crypto/dukpt-tdes';
import { encodeIso0PinBlock } from '../../devices/crypto/pin-block-iso0';
import { encipherIso4PinBlock } from '../../devices/crypto/pin-block-iso4';
import type { PinBlockFormat } from '../../devices/pinpad/protocol';

/** Published test keys (ANSI X9.24-1 and X9.24-3 samples): never for production. */
export const TEST_KEYS = {
  tdesBdk: '0123456789ABCDEFFEDCBA9876543210',
  tdesInitialKsn: 'FFFF9876543210E00000',
  aesBdk: 'FEDCBA9876543210F1F1F1F1F1F1F1F1',
  aesInitialKeyId: '1234567890123456',
} as const;

export interface DukptKeyOptions {
  tdesBdk?: string;
  tdesInitialKsn?: string;
  aesBdk?: string;
  aesInitialKeyId?: string;
}

/**
 * The keys inside a simulated encrypting pin pad, whatever it speaks (the serial protocol or
 * XFS4IoT): initial keys derived from test BDKs, and the KSN counters. A PIN leaves it only as
 * a PIN block under the DUKPT key of the next KSN.
 */
export class SimulatedDukptKeys {
  private readonly tdesIpek: Buffer;
  private readonly aesInitialKey: Buffer;
  private tdesKsn: Buffer;
  private aesKsnValue: Buffer;

  constructor(options: DukptKeyOptions = {}) {
    const tdesKsn = fromHex(options.tdesInitialKsn ?? TEST_KEYS.tdesInitialKsn);
    this.tdesIpek = deriveTdesIpek(fromHex(options.tdesBdk ?? TEST_KEYS.tdesBdk), tdesKsn);
    this.tdesKsn = tdesKsn;
    const keyId = fromHex(options.aesInitialKeyId ?? TEST_KEYS.aesInitialKeyId);
    this.aesInitialKey = deriveAesInitialKey(fromHex(options.aesBdk ?? TEST_KEYS.aesBdk), keyId);
    this.aesKsnValue = aesKsn(keyId, 0);
  }

  /** KSNs the next PIN blocks will use are strictly after these. */
  get lastKsn(): { tdes: string; aes: string } {
    return { tdes: toHex(this.tdesKsn), aes: toHex(this.aesKsnValue) };
  }

  /** ISO 9564 format 0 under TDES DUKPT, or format 4 under AES DUKPT; throws when exhausted. */
  pinBlock(format: PinBlockFormat, pin: string, pan: string): { pinBlock: string; ksn: string } {
    return format === 0 ? this.formatZeroBlock(pin, pan) : this.formatFourBlock(pin, pan);
  }

  private formatZeroBlock(pin: string, pan: string): { pinBlock: string; ksn: string } {
    const ksn = nextTdesKsn(this.tdesKsn);
    if (!ksn) throw new Error('DUKPT key exhausted');
    this.tdesKsn = ksn;
    const pinKey = deriveTdesPinKey(this.tdesIpek, ksn);
    const block = desEncryptBlock(pinKey, encodeIso0PinBlock(pin, pan));
    pinKey.fill(0);
    return { pinBlock: toHex(block), ksn: toHex(ksn) };
  }

  private formatFourBlock(pin: string, pan: string): { pinBlock: string; ksn: string } {
    const ksn = nextAesKsn(this.aesKsnValue);
    if (!ksn) throw new Error('DUKPT key exhausted');
    this.aesKsnValue = ksn;
    const transactionKey = deriveAesTransactionKey(this.aesInitialKey, ksn);
    const pinKey = deriveAesWorkingKey(transactionKey, ksn, 'pinEncryption');
    const block = encipherIso4PinBlock(pinKey, pin, pan);
    transactionKey.fill(0);
    pinKey.fill(0);
    return { pinBlock: toHex(block), ksn: toHex(ksn) };
  }
}
