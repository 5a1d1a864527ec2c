import { describe, expect, it } from 'vitest';
import { desDecryptBlock, desEncryptBlock } from './block-ciphers';
import { fromHex, toHex } from './bytes';
import {
  deriveTdesIpek,
  deriveTdesPinKey,
  deriveTdesPinKeyFromBdk,
  deriveTdesTransactionKey,
  isValidTdesCounter,
  nextTdesKsn,
  tdesKsnCounter,
  withTdesKsnCounter,
} from './dukpt-tdes';
import { decodeIso0PinBlock } from './pin-block-iso0';

/*
 * Published vectors: ANSI X9.24-1:2009 Annex A.4 "DUKPT Test Data Examples" (BDK, initial KSN,
 * IPEK, format 0 PIN block of PIN 1234 / PAN 4012345678909, then per KSN the transaction key
 * before the PIN variant and the encrypted PIN block). Transcribed from the standard in
 * openemv/dukpt test/dukpt_tdes_test.c; we could not check the paywalled standard itself.
 */
const BDK = fromHex('0123456789ABCDEFFEDCBA9876543210');
const INITIAL_KSN = fromHex('FFFF9876543210E00000');
const IPEK = '6AC292FAA1315B4D858AB3A3D7D5933A';
const CLEAR_PIN_BLOCK = fromHex('041274EDCBA9876F');

// A.4.2 initial sequence: counters 1..21 -> [transaction key, encrypted PIN block]
const INITIAL_SEQUENCE: [string, string][] = [
  ['042666B49184CFA368DE9628D0397BC9', '1B9C1845EB993A7A'],
  ['C46551CEF9FD24B0AA9AD834130D3BC7', '10A01C8D02C69107'],
  ['0DF3D9422ACA56E547676D07AD6BADFA', '18DC07B94797B466'],
  ['279C0F6AEED0BE652B2C733E1383AE91', '0BC79509D5645DF7'],
  ['5F8DC6D2C845C125508DDC048093B83F', '5BC0AF22AD87B327'],
  ['5E415CB0BAF9F03CD0C14B63FB62FF43', 'A16DF70AE36158D8'],
  ['0C8F780B7C8B49D0AE84A9EB2A6CE660', '27711C16CB257F8E'],
  ['27F66D5244FF62E1AA6F6120EDEB4280', '50E55547A5027551'],
  ['27E31064FDC565698900E2057F658E7E', '536CF7F678ACFC8D'],
  ['6CF2500A22507C7CC776CEADC1E33014', 'EDABBA23221833FE'],
  ['3E8260BA04B2D620C01482B3819A18B7', '2328981C57B4BDBA'],
  ['B716E1E11CF53D80726CAEE75C3A624F', '038D03CC926CF286'],
  ['E072EDF95340535FB6C581C58FBF2533', '6C8AA97088B62C68'],
  ['A80046087F5B8F245AAD95E18429084F', 'F17C9E1D72CD4950'],
  ['93DD5B956C4878472E453AAEFD32A5AA', 'B170F6E7F7F2F64A'],
  ['59598DCBD9BD94C094165CE453585F57', 'D5D9638559EF53D6'],
  ['2B5F01F4F0CC05EA639D523231BF1BA2', 'D544F8CDD292C863'],
  ['9CF640F279C2AEE615F725EEEAC2CBAF', '7A21BD10F36DC41D'],
  ['C3DF489FDF1153B4F03DE97C27DC4C2F', '78649BD17D0DFA60'],
  ['658488507721B3F14737FA93F923CBD2', '7E7E16EA0C31AD56'],
  ['E161D1956A61F6D2F37AFD7F9CC3699A', '72105C22EBC791E6'],
];

// A.4.3 rollover sequence: [KSN, transaction key, encrypted PIN block]
const ROLLOVER_SEQUENCE: [string, string, string][] = [
  ['FFFF9876543210EFF800', 'F9CDFEBF4F5B1D9EB3EC12454527E176', '33365F5CC6F23C35'],
  ['FFFF9876543210EFF801', '5BEE92627E97825C911BF619DF72CA3B', '3A86BF003F835C9D'],
  ['FFFF9876543210EFF802', '64CA2F8AB93F61B01620B00BF77C7301', '3DB977D05C36DF3F'],
  ['FFFF9876543210EFF804', '35A168695B3BA83307E871C42021DD37', 'BA83243305712099'],
  ['FFFF9876543210EFF808', '12C380FCB72ED3C26FC6079AF63F4787', 'B0DA04AC90A36D85'],
  ['FFFF9876543210EFF810', 'D8007C833A1E3C49C6889B97A68C54FF', '2CF02BD9C309EEDA'],
  ['FFFF9876543210EFF820', 'A9C9FF9B735FDD49591F296B0BF0FD70', '9D1E2F77AEEE81C6'],
  ['FFFF9876543210EFF840', '0E3E221062CB5E03A384602783A004FA', '40870B0F8BA2011C'],
  ['FFFF9876543210EFF880', 'CA8225C587124DFBB87F279C0BE29727', '22E340D6ABB40981'],
  ['FFFF9876543210EFF900', '906AAC1751D4971A144D52C76C6E1F97', '1A4C10AFBA03A430'],
  ['FFFF9876543210EFFA00', '2B9E2CE7C2750337E10B54D2989EA6AF', '849763B43E5F9CFF'],
  ['FFFF9876543210EFFC00', 'F9430DF975082491C77BE4EF4FDB91EE', 'DEFC6F09F8927B71'],
  ['FFFF9876543210F00000', 'AA4D58DB653EC74A48C75F2F047DD2B5', '73EC88AD0AC5830E'],
];

describe('TDES DUKPT (ANSI X9.24-1:2009)', () => {
  it('derives the published IPEK from the BDK and initial KSN', () => {
    expect(toHex(deriveTdesIpek(BDK, INITIAL_KSN))).toBe(IPEK);
  });

  it('ignores the counter bits of the KSN when deriving the IPEK', () => {
    expect(toHex(deriveTdesIpek(BDK, fromHex('FFFF9876543210E00015')))).toBe(IPEK);
  });

  it('walks the published initial sequence: KSNs, transaction keys, encrypted PIN blocks', () => {
    const ipek = fromHex(IPEK);
    let ksn = nextTdesKsn(INITIAL_KSN)!;
    INITIAL_SEQUENCE.forEach(([transactionKey, encryptedPinBlock], index) => {
      expect(tdesKsnCounter(ksn)).toBe(index + 1);
      expect(toHex(deriveTdesTransactionKey(ipek, ksn))).toBe(transactionKey);
      const pinKey = deriveTdesPinKey(ipek, ksn);
      expect(toHex(desEncryptBlock(pinKey, CLEAR_PIN_BLOCK))).toBe(encryptedPinBlock);
      ksn = nextTdesKsn(ksn)!;
    });
  });

  it('walks the published rollover sequence, skipping counters with more than 10 one bits', () => {
    const ipek = fromHex(IPEK);
    let ksn: Buffer | undefined = fromHex(ROLLOVER_SEQUENCE[0]![0]);
    for (const [expectedKsn, transactionKey, encryptedPinBlock] of ROLLOVER_SEQUENCE) {
      expect(toHex(ksn!)).toBe(expectedKsn);
      expect(toHex(deriveTdesTransactionKey(ipek, ksn!))).toBe(transactionKey);
      expect(toHex(desEncryptBlock(deriveTdesPinKey(ipek, ksn!), CLEAR_PIN_BLOCK))).toBe(
        encryptedPinBlock,
      );
      ksn = nextTdesKsn(ksn!);
    }
  });

  it('lets the host decrypt a published PIN block from the BDK alone and recover PIN 1234', () => {
    const ksn = fromHex('FFFF9876543210E00003');
    const pinKey = deriveTdesPinKeyFromBdk(BDK, ksn);
    const clear = desDecryptBlock(pinKey, fromHex('18DC07B94797B466'));
    expect(decodeIso0PinBlock(clear, '4012345678909')).toBe('1234');
  });

  it('reports exhaustion after the last valid counter', () => {
    const last = withTdesKsnCounter(INITIAL_KSN, 0x1ff800); // ten one bits, the highest valid
    expect(isValidTdesCounter(0x1ff800)).toBe(true);
    expect(nextTdesKsn(last)).toBeUndefined();
  });

  it('rejects keys and KSNs of the wrong length', () => {
    expect(() => deriveTdesIpek(BDK.subarray(0, 8), INITIAL_KSN)).toThrow(/16 bytes/);
    expect(() => deriveTdesIpek(BDK, INITIAL_KSN.subarray(0, 8))).toThrow(/10 bytes/);
  });
});
