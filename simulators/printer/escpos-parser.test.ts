import { describe, expect, it } from 'vitest';
import { encodeJobToEscPos } from '../../devices/printer/escpos-job-encoder';
import { job } from '../../devices/printer/print-job';
import { randomBytes, seededRandom } from '../common/seeded-random';
import { EscPosParser, type EscPosEvent } from './escpos-parser';
import { ReceiptAssembler } from './receipt-assembler';
import type { PrintedReceipt } from './receipt-model';

function parseAll(
  chunks: Uint8Array[],
  columns = 42,
): { receipts: PrintedReceipt[]; events: EscPosEvent[] } {
  const parser = new EscPosParser();
  const receipts: PrintedReceipt[] = [];
  const assembler = new ReceiptAssembler(columns, (r) => receipts.push(r));
  const events: EscPosEvent[] = [];
  for (const chunk of chunks)
    for (const event of parser.feed(chunk)) {
      events.push(event);
      assembler.apply(event);
    }
  return { receipts, events };
}

const sample = encodeJobToEscPos({
  name: 'sample',
  elements: [
    job.text('JUDUL', { bold: true, size: 'double', align: 'center' }),
    job.text('kanan', { align: 'right' }),
    job.rule(),
    job.keyValue('Saldo Akhir', 'Rp 50.870.000', true),
    job.qr('KSK01-20261122-0042'),
    job.cut(),
  ],
});

describe('EscPosParser + ReceiptAssembler', () => {
  it('reads back text, style, alignment, QR payload and cut from encoder output', () => {
    const { receipts } = parseAll([sample]);
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts;
    expect(receipt!.cut).toBe('full');
    const lines = receipt!.items.filter((i) => i.kind === 'line' && i.text);
    expect(lines[0]).toMatchObject({ text: 'JUDUL', bold: true, size: 'double', align: 'center' });
    expect(lines[1]).toMatchObject({ text: 'kanan', bold: false, size: 'normal', align: 'right' });
    expect(lines[2]).toMatchObject({ text: '─'.repeat(42) });
    expect(lines[3]).toMatchObject({ bold: true, align: 'left' });
    expect(lines[3]!.kind === 'line' && lines[3]!.text).toMatch(/^Saldo Akhir +Rp 50\.870\.000$/);
    expect(receipt!.items.find((i) => i.kind === 'qr')).toEqual({
      kind: 'qr',
      payload: 'KSK01-20261122-0042',
      align: 'center',
    });
  });

  it('gives the same result whatever way the bytes are split', () => {
    const whole = parseAll([sample]).receipts;
    const byteByByte = parseAll([...sample].map((b) => Uint8Array.of(b))).receipts;
    expect(byteByByte).toEqual(whole);
    const random = seededRandom(7);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < sample.length;) {
      const size = 1 + Math.floor(random() * 20);
      chunks.push(sample.subarray(i, i + size));
      i += size;
    }
    expect(parseAll(chunks).receipts).toEqual(whole);
  });

  it('reports DLE EOT questions in stream order', () => {
    const { events } = parseAll([Uint8Array.of(0x41, 0x10, 0x04, 0x04, 0x42)]);
    expect(events).toEqual([
      { type: 'text', text: 'A' },
      { type: 'statusQuery', n: 4 },
      { type: 'text', text: 'B' },
    ]);
  });

  it('skips image data by its declared length instead of printing it', () => {
    // GS v 0 m xL xH yL yH: 2 x 2 bytes of raster data that look like text
    const bytes = Uint8Array.of(
      0x1d,
      0x76,
      0x30,
      0,
      2,
      0,
      2,
      0,
      0x41,
      0x41,
      0x41,
      0x41,
      0x5a,
      0x0a,
    );
    const { receipts, events } = parseAll([bytes, Uint8Array.of(0x1d, 0x56, 0x00)]);
    expect(events.filter((e) => e.type === 'text')).toEqual([{ type: 'text', text: 'Z' }]);
    expect(receipts[0]!.items).toMatchObject([{ kind: 'line', text: 'Z' }]);
  });

  it('counts stray control bytes as garbage and keeps going', () => {
    const { events } = parseAll([Uint8Array.of(0x01, 0x41, 0x10, 0x41, 0x0a)]);
    expect(events).toEqual([
      { type: 'garbage', byte: 0x01 },
      { type: 'text', text: 'A' },
      { type: 'garbage', byte: 0x10 },
      { type: 'text', text: 'A' },
      { type: 'newline' },
    ]);
  });

  it('fuzz: 3000 random byte streams never throw and keep memory bounded', () => {
    const random = seededRandom(20261122);
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 300);
      const bytes = randomBytes(random, length);
      // Bias towards command prefixes so the command branches get exercised.
      for (let j = 0; j < length; j += 7)
        if (random() < 0.5) bytes[j] = [0x1b, 0x1d, 0x1c, 0x10][Math.floor(random() * 4)]!;
      const parser = new EscPosParser();
      const assembler = new ReceiptAssembler(42, () => undefined);
      const split = Math.floor(random() * length);
      for (const chunk of [bytes.subarray(0, split), bytes.subarray(split)])
        for (const event of parser.feed(chunk)) assembler.apply(event);
      const current = assembler.current();
      expect(current.items.length).toBeLessThanOrEqual(length * 255 + 1);
    }
  });
});
