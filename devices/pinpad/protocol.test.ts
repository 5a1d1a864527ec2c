import { describe, expect, it } from 'vitest';
import { PinEntryValue } from './protocol';

const ISO0 = { format: 0, pinBlock: '1B9C1845EB993A7A', ksn: 'FFFF9876543210E00001', digits: 4 };
const ISO4 = {
  format: 4,
  pinBlock: '1B9C1845EB993A7A1B9C1845EB993A7A',
  ksn: '123456789012345600000001',
  digits: 4,
};

describe('PIN entry result schema: the block and KSN lengths follow the format', () => {
  it('accepts an ISO 0 block of 8 bytes with a TDES KSN and an ISO 4 block of 16 with an AES KSN', () => {
    expect(PinEntryValue.safeParse(ISO0).success).toBe(true);
    expect(PinEntryValue.safeParse(ISO4).success).toBe(true);
  });

  it.each([
    ['ISO 0 with a 16-byte block', { ...ISO0, pinBlock: ISO4.pinBlock }],
    ['ISO 0 with an AES KSN', { ...ISO0, ksn: ISO4.ksn }],
    ['ISO 4 with an 8-byte block', { ...ISO4, pinBlock: ISO0.pinBlock }],
    ['ISO 4 with a TDES KSN', { ...ISO4, ksn: ISO0.ksn }],
    ['an extra field', { ...ISO0, pin: '1234' }],
  ])('rejects %s', (_, value) => {
    expect(PinEntryValue.safeParse(value).success).toBe(false);
  });
});
