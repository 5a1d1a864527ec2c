import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import {
  aesKsn,
  aesKsnCounter,
  deriveAesInitialKey,
  deriveAesPinKeyFromBdk,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  isValidAesCounter,
  nextAesKsn,
} from './dukpt-aes';
import { decipherIso4PinBlock, encipherIso4PinBlock } from './pin-block-iso4';

/*
 * Published vectors: ANSI X9.24-3:2017 B.1 sample and its supplement test vectors for an
 * AES-128 BDK (initial key, derivation keys, PIN encryption keys, format 4 PIN blocks of
 * PIN 1234 / PAN 4111111111111111 with random fill 2F69ADDE2E9E7ACE) and the AES-256 BDK
 * initial key. Transcribed from the standard in openemv/dukpt test/dukpt_aes128_test.c and
 * test/dukpt_aes_test.c (the derivation keys also appear in moov-io/dukpt
 * pkg/aes/aes_test.go); we could not check the paywalled standard itself.
 */
const BDK = fromHex('FEDCBA9876543210F1F1F1F1F1F1F1F1');
const INITIAL_KEY_ID = fromHex('1234567890123456');
const INITIAL_KEY = '1273671EA26AC29AFA4D1084127652A1';
const PAN = '4111111111111111';
const RANDOM_FILL = fromHex('2F69ADDE2E9E7ACE');

// counters 1..8 -> [derivation (transaction) key, PIN encryption key, format 4 PIN block]
const FIRST_EIGHT: [string, string, string][] = [
  [
    '4F21B565BAD9835E112B6465635EAE44',
    'AF8CB133A78F8DC2D1359F18527593FB',
    'A912150391AB65A67E52883D81CE2D15',
  ],
  [
    '2F34D68DE10F68D38091A73B9E7C437C',
    'D30BDC73EC9714B000BEC66BDB7B6D09',
    '52A00503BD34BA1383F6A7EE9FE2547F',
  ],
  [
    '031504E530365CF81264238540518318',
    '7D69F01F3B45449F62C7816ECE723268',
    'A5A27E82B43A9A866A93D7ABE89CEF93',
  ],
  [
    '0EEFC7ADA628BA68878DA9165A8A1887',
    '91A0588318EC2673214271F70137896E',
    '71B3D0528669498777555A8BE6698E44',
  ],
  [
    'C2A7AC328A5DA2D6002D62465BFC028B',
    '35A43BC9EFEB09C756204B57E3FB7D4D',
    '881A7F77A2E04E5BEA985E342FD0B628',
  ],
  [
    'D30F7D9351DA58448A2F5E92B4EE3B7D',
    '02DCC6CD1201A3A2CA7099559C862123',
    'BDC1C3871AFB0B340AA5B5CEFD08695E',
  ],
  [
    'A8253CEED9AC042C54F75D35C8352278',
    '6ECF912F3B18CA11A7A27BB60705FD09',
    '4A8E6B8C7DBEE6CBA6DC774F0CB83396',
  ],
  [
    '718EE6CF0B27E53D5F7AF99C4D8146A2',
    '4D9DF3FBEE3448FC3E676D04320A90F5',
    '8308BB857C17F390369F761F8EB358FA',
  ],
];

// rollover around 0x1FFFF (17 one bits, skipped) and the last valid counters
const LATER_KEYS: [number, string][] = [
  [0x0001fffe, 'E21E8C8D347F8561A2BE752DAA85A111'],
  [0x00020000, 'F7AE9025468A25D37B7249CFFED224C8'],
  [0x00020001, '692C8EA4013645135B36497131DF9D2C'],
  [0xfffe2000, '48E585B694EB0B18D5C35443E163C0BA'],
  [0xfffe4000, '396C2C7CA1EA701C03B86B7D41F0C562'],
  [0xfffe8000, '0387625F189B58AE03EF0E8CCA41105E'],
  [0xffff0000, 'F6BA59389BD14A9855BE9727E7C52E3C'],
];

describe('AES DUKPT (ANSI X9.24-3:2017)', () => {
  it('derives the published AES-128 initial key', () => {
    expect(toHex(deriveAesInitialKey(BDK, INITIAL_KEY_ID))).toBe(INITIAL_KEY);
  });

  it('derives the published AES-256 initial key (two key blocks)', () => {
    const bdk256 = Buffer.concat([BDK, BDK]);
    expect(toHex(deriveAesInitialKey(bdk256, INITIAL_KEY_ID))).toBe(
      'CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F',
    );
  });

  it('walks the first eight published transactions: keys and format 4 PIN blocks', () => {
    const initialKey = fromHex(INITIAL_KEY);
    let ksn = nextAesKsn(aesKsn(INITIAL_KEY_ID, 0))!;
    FIRST_EIGHT.forEach(([derivationKey, pinKey, pinBlock], index) => {
      expect(toHex(ksn)).toBe(`1234567890123456${(index + 1).toString(16).padStart(8, '0')}`);
      const transactionKey = deriveAesTransactionKey(initialKey, ksn);
      expect(toHex(transactionKey)).toBe(derivationKey);
      const workingKey = deriveAesWorkingKey(transactionKey, ksn, 'pinEncryption');
      expect(toHex(workingKey)).toBe(pinKey);
      expect(toHex(encipherIso4PinBlock(workingKey, '1234', PAN, RANDOM_FILL))).toBe(pinBlock);
      expect(decipherIso4PinBlock(workingKey, fromHex(pinBlock), PAN)).toBe('1234');
      ksn = nextAesKsn(ksn)!;
    });
  });

  it('matches the published derivation keys for later and last counters', () => {
    const initialKey = fromHex(INITIAL_KEY);
    for (const [counter, key] of LATER_KEYS) {
      const ksn = aesKsn(INITIAL_KEY_ID, counter);
      expect(toHex(deriveAesTransactionKey(initialKey, ksn))).toBe(key);
    }
  });

  it('skips counters with more than 16 one bits and ends after the last valid one', () => {
    expect(isValidAesCounter(0x1ffff)).toBe(false);
    expect(aesKsnCounter(nextAesKsn(aesKsn(INITIAL_KEY_ID, 0x1fffe))!)).toBe(0x20000);
    expect(aesKsnCounter(nextAesKsn(aesKsn(INITIAL_KEY_ID, 0xfffe2000))!)).toBe(0xfffe4000);
    expect(nextAesKsn(aesKsn(INITIAL_KEY_ID, 0xffff0000))).toBeUndefined();
  });

  it('lets the host decrypt a published PIN block from the BDK alone', () => {
    const ksn = aesKsn(INITIAL_KEY_ID, 5);
    const pinKey = deriveAesPinKeyFromBdk(BDK, ksn);
    expect(decipherIso4PinBlock(pinKey, fromHex('881A7F77A2E04E5BEA985E342FD0B628'), PAN)).toBe(
      '1234',
    );
  });
});
