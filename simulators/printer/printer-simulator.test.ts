import { describe, expect, it } from 'vitest';
import { isStatusByte } from '../../devices/printer/escpos-status';
import { createPrinterSimulator } from './printer-simulator';
import { receiptText } from './receipt-model';

const ask = (n: number) => Uint8Array.of(0x10, 0x04, n);

function answers(sim: ReturnType<typeof createPrinterSimulator>): number[] {
  const out: number[] = [];
  const off = sim.onSend((d) => out.push(...d));
  for (const n of [1, 2, 3, 4]) sim.receive(ask(n));
  off();
  return out;
}

describe('PrinterSimulator status answers', () => {
  it.each([
    ['ready', () => undefined, [0x12, 0x12, 0x12, 0x12]],
    ['paper near end', (s) => s.setPaper('nearEnd'), [0x12, 0x12, 0x12, 0x1e]],
    ['paper out', (s) => s.setPaper('out'), [0x1a, 0x32, 0x12, 0x7e]],
    ['cover open', (s) => s.setCoverOpen(true), [0x1a, 0x16, 0x12, 0x12]],
    ['offline', (s) => s.setOffline(true), [0x1a, 0x12, 0x12, 0x12]],
    ['cutter error', (s) => s.setCutterError(true), [0x1a, 0x52, 0x1a, 0x12]],
  ] as Array<[string, (s: ReturnType<typeof createPrinterSimulator>) => void, number[]]>)(
    '%s',
    (_name, prepare, expected) => {
      const sim = createPrinterSimulator();
      prepare(sim);
      const bytes = answers(sim);
      expect(bytes).toEqual(expected);
      for (const byte of bytes) expect(isStatusByte(byte)).toBe(true);
    },
  );

  it('stays silent when switched off', () => {
    const sim = createPrinterSimulator();
    sim.setPowered(false);
    expect(answers(sim)).toEqual([]);
  });

  it('holds print data while the cover is open and prints it when closed', () => {
    const sim = createPrinterSimulator();
    sim.setCoverOpen(true);
    sim.receive(new TextEncoder().encode('Halo\n\x1dV\x00'));
    expect(sim.receipts).toHaveLength(0);
    expect(sim.heldEvents).toBeGreaterThan(0);
    sim.setCoverOpen(false);
    expect(sim.receipts.map(receiptText)).toEqual([['Halo']]);
  });

  it('answers status questions in stream order even behind slow print data', async () => {
    const sim = createPrinterSimulator();
    sim.setSlow({ perChunkMs: 5 });
    const seen: string[] = [];
    sim.onSend(() => seen.push(`answer after ${receiptText(sim.currentReceipt()).length} lines`));
    sim.receive(new TextEncoder().encode('a\nb\n'));
    sim.receive(ask(1));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen).toEqual(['answer after 2 lines']);
  });
});
