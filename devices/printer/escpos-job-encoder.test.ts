import { describe, expect, it } from 'vitest';
import { encodeJobToEscPos, printableText } from './escpos-job-encoder';
import { job } from './print-job';

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const indexOf = (bytes: Uint8Array, needle: number[]) =>
  Buffer.from(bytes).indexOf(Buffer.from(needle));

describe('encodeJobToEscPos', () => {
  it('initialises, prints text, a native QR code and cuts', () => {
    const bytes = encodeJobToEscPos({
      name: 't',
      elements: [job.text('Halo'), job.qr('REF-1'), job.cut()],
    });
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(ascii(bytes)).toContain('Halo');
    // GS ( k store: pL pH = 3 + payload length, cn 49, fn 80, m 48
    expect(
      indexOf(bytes, [0x1d, 0x28, 0x6b, 8, 0, 0x31, 0x50, 0x30, ...Buffer.from('REF-1')]),
    ).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x56, 0x00])).toBeGreaterThan(0);
  });

  it('puts label left and value flush right within the configured columns', () => {
    for (const columns of [32, 42, 48]) {
      const text = ascii(
        encodeJobToEscPos(
          { name: 't', elements: [job.keyValue('Saldo', 'Rp 1.000')] },
          { columns },
        ),
      );
      const line = text.split('\n').find((l) => l.includes('Saldo'))!;
      const visible = /Saldo +Rp 1\.000/.exec(line)?.[0];
      expect(visible?.length).toBe(columns);
    }
  });

  it('prints plain spaces instead of the no-break space Intl puts after Rp', () => {
    expect(printableText('Rp\u00a012.345')).toBe('Rp 12.345');
    const bytes = encodeJobToEscPos({ name: 't', elements: [job.text('Rp\u00a012.345')] });
    expect(ascii(bytes)).toContain('Rp 12.345');
  });

  it('strips control bytes so text cannot inject printer commands', () => {
    expect(printableText('AB\x1bd\x09\x1dV\x00C\nD')).toBe('ABd VC D');
    const bytes = encodeJobToEscPos({ name: 't', elements: [job.keyValue('Nama', 'X\x1dV\x00Y')] });
    expect(indexOf(bytes, [0x1d, 0x56, 0x00])).toBe(-1);
  });

  it('turns bold and double size on and off around a line', () => {
    const bytes = encodeJobToEscPos({
      name: 't',
      elements: [job.text('X', { bold: true, size: 'double' }), job.text('y')],
    });
    const text = ascii(bytes);
    expect(text.indexOf('\x1bE\x01')).toBeLessThan(text.indexOf('X'));
    expect(text.indexOf('\x1d!\x11')).toBeLessThan(text.indexOf('X'));
    expect(text.lastIndexOf('\x1bE\x00')).toBeLessThan(text.indexOf('y'));
    expect(text.lastIndexOf('\x1d!\x00')).toBeLessThan(text.indexOf('y'));
  });
});
