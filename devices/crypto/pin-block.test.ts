import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { fromHex, toHex } from './bytes';
import { decodeIso0PinBlock, encodeIso0PinBlock } from './pin-block-iso0';
import {
  decipherIso4PinBlock,
  decipherIso4PinField,
  encipherIso4PinBlock,
  iso4PanField,
  iso4PinField,
  parseIso4PinField,
} from './pin-block-iso4';

describe('ISO 9564 format 0', () => {
  // Published: ANSI X9.24-1:2009 A.4, PIN 1234 / PAN 4012345678909 -> 041274EDCBA9876F.
  it('encodes the published X9.24-1 example block', () => {
    expect(toHex(encodeIso0PinBlock('1234', '4012345678909'))).toBe('041274EDCBA9876F');
  });

  it('decodes the published block back to the PIN', () => {
    expect(decodeIso0PinBlock(fromHex('041274EDCBA9876F'), '4012345678909')).toBe('1234');
  });

  it('round-trips PINs of every allowed length with short and long PANs', () => {
    for (const pan of ['12345678', '4012345678909', '6011000990139424', '6221234567890123456']) {
      for (let length = 4; length <= 12; length++) {
        const pin = '9081726354120'.slice(0, length);
        const block = encodeIso0PinBlock(pin, pan);
        expect(block).toHaveLength(8);
        expect(decodeIso0PinBlock(block, pan)).toBe(pin);
      }
    }
  });

  it('depends on the PAN: the same PIN under another PAN does not decode', () => {
    const block = encodeIso0PinBlock('1234', '4012345678909');
    expect(() => decodeIso0PinBlock(block, '4012345678919')).toThrow();
  });

  it('rejects bad PINs and PANs without echoing them', () => {
    expect(() => encodeIso0PinBlock('123', '4012345678909')).toThrow('PIN must be 4 to 12 digits');
    expect(() => encodeIso0PinBlock('12a4', '4012345678909')).toThrow(/PIN must be/);
    expect(() => encodeIso0PinBlock('1234', '40123')).toThrow('PAN must be 8 to 19 digits');
  });
});

describe('ISO 9564 format 4', () => {
  // Published: ANSI X9.24-3:2017 supplement (Calculation of AES PIN Block Format 4), PIN 1234,
  // PAN 4111111111111111, as transcribed in openemv/dukpt test/dukpt_aes128_test.c.
  it('builds the published plain-text PIN field and PAN field', () => {
    expect(toHex(iso4PinField('1234', fromHex('2F69ADDE2E9E7ACE')))).toBe(
      '441234AAAAAAAAAA2F69ADDE2E9E7ACE',
    );
    expect(toHex(iso4PanField('4111111111111111'))).toBe('44111111111111111000000000000000');
  });

  // No published vector found for these PAN lengths: checked against the ISO 9564-1 rule.
  it('sets M to PAN length - 12 and left-pads PANs shorter than 12 digits', () => {
    expect(toHex(iso4PanField('6221234567890123456'))).toBe('76221234567890123456000000000000');
    expect(toHex(iso4PanField('123456789012'))).toBe('01234567890120000000000000000000');
    expect(toHex(iso4PanField('12345678'))).toBe('00000123456780000000000000000000');
  });

  it('fills with fresh random bytes, so the same PIN enciphers differently each time', () => {
    const key = randomBytes(16);
    const a = encipherIso4PinBlock(key, '246810', '4111111111111111');
    const b = encipherIso4PinBlock(key, '246810', '4111111111111111');
    expect(a.equals(b)).toBe(false);
    expect(decipherIso4PinBlock(key, a, '4111111111111111')).toBe('246810');
    expect(decipherIso4PinBlock(key, b, '4111111111111111')).toBe('246810');
  });

  it('round-trips every PIN length under AES-128 and AES-256 keys', () => {
    for (const key of [randomBytes(16), randomBytes(32)]) {
      for (let length = 4; length <= 12; length++) {
        const pin = '123456789012'.slice(0, length);
        const block = encipherIso4PinBlock(key, pin, '6011000990139424');
        expect(block).toHaveLength(16);
        expect(decipherIso4PinBlock(key, block, '6011000990139424')).toBe(pin);
      }
    }
  });

  it('binds the block to the PAN: deciphering under another PAN gives no valid field', () => {
    const key = randomBytes(16);
    const block = encipherIso4PinBlock(key, '1234', '4111111111111111');
    const field = decipherIso4PinField(key, block, '4111111111111112');
    expect(() => parseIso4PinField(field)).toThrow();
  });
});
