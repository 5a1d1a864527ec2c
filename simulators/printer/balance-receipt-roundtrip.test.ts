import { describe, expect, it } from 'vitest';
import { composeBalanceReceipt } from '../../core/receipt/compose-balance-receipt';
import { encodeJobToEscPos } from '../../devices/printer/escpos-job-encoder';
import { PrinterOptions, resolvePrinterLayout } from '../../devices/printer/printer-options';
import { EscPosPrinter } from '../../devices/printer/receipt-printer';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { createPrinterSimulator } from './printer-simulator';
import { receiptText, type PrintedLine } from './receipt-model';
import { SAMPLE_SUMMARY } from './test-fixtures';

// Composition (core) -> ESC/POS bytes (driver encoder) -> what the paper shows (simulator parser).
const printedAt = new Date('2026-11-22T07:05:00Z');

function printBalanceReceipt(language: 'id' | 'en', columns = 42) {
  const job = composeBalanceReceipt({
    summary: SAMPLE_SUMMARY,
    terminalId: 'KSK01',
    reference: 'KSK01-20261122-0042',
    printedAt,
    language,
    columns,
  });
  const bytes = encodeJobToEscPos(job, { columns });
  const sim = createPrinterSimulator({ columns });
  sim.receive(bytes);
  return { bytes, sim, receipt: sim.receipts[0]! };
}

describe('balance receipt on paper', () => {
  it('shows the closing balance, bold, on one decoded line', () => {
    const { receipt } = printBalanceReceipt('id');
    const line = receipt.items.find(
      (item): item is PrintedLine => item.kind === 'line' && item.text.startsWith('Saldo Akhir'),
    );
    expect(line?.text).toMatch(/^Saldo Akhir +Rp 50\.870\.000$/);
    expect(line?.bold).toBe(true);
    expect(receipt.cut).toBe('full');
  });

  it('has the masked KPJ in the bytes and never the full KPJ, in any grouping', () => {
    const { bytes, receipt } = printBalanceReceipt('id');
    const latin1 = Buffer.from(bytes).toString('latin1');
    expect(latin1).toContain('*******2128');
    expect(latin1).not.toContain(SAMPLE_SUMMARY.participant.kpj);
    const digitsOnly = receiptText(receipt).join('').replace(/\D/g, '');
    expect(digitsOnly).not.toContain(SAMPLE_SUMMARY.participant.kpj);
  });

  it('prints no dates other than the print date and the balance date (no birth date)', () => {
    for (const language of ['id', 'en'] as const) {
      const text = receiptText(printBalanceReceipt(language).receipt).join('\n');
      const dates = new Set(text.match(/\d{2}[-/.]\d{2}[-/.]\d{4}/g));
      expect(dates).toEqual(new Set(['22-11-2026', '31-10-2026']));
    }
  });

  it('centres the header in double size and carries only the reference in the QR', () => {
    const { receipt } = printBalanceReceipt('en', 48);
    expect(receipt.items[0]).toMatchObject({
      text: 'BPJS Ketenagakerjaan',
      size: 'double',
      align: 'center',
      bold: true,
    });
    expect(receipt.items.filter((i) => i.kind === 'qr')).toEqual([
      { kind: 'qr', payload: 'KSK01-20261122-0042', align: 'center' },
    ]);
    expect(receiptText(receipt)).toContain('Thank you');
    for (const line of receiptText(receipt)) expect(line.length).toBeLessThanOrEqual(48);
  });

  it('fits the header on 58 mm paper (32 columns) by dropping double size', () => {
    const { receipt } = printBalanceReceipt('id', 32);
    expect(receipt.items[0]).toMatchObject({
      text: 'BPJS Ketenagakerjaan',
      size: 'normal',
      align: 'center',
    });
    for (const line of receiptText(receipt)) expect(line.length).toBeLessThanOrEqual(32);
    expect(receiptText(receipt)).toContainEqual(
      expect.stringMatching(/^Saldo Akhir +Rp 50\.870\.000$/),
    );
  });

  it('renders an HTML preview with the lines and a QR image', () => {
    const { sim } = printBalanceReceipt('id');
    const html = sim.renderHtml();
    expect(html).toContain('<svg');
    expect(html).toContain('data-payload="KSK01-20261122-0042"');
    expect(html).toContain('Rp 50.870.000');
    expect(html).toContain('*******2128');
    expect(html.match(/class="paper"/g)).toHaveLength(1);
  });

  it('a 58 mm printer from config: the receipt is laid out to its 32 columns and reads back right', async () => {
    const layout = resolvePrinterLayout(PrinterOptions.parse({ paperWidth: '58mm' }));
    const { host, device } = createMemoryTransportPair('printer');
    const sim = createPrinterSimulator({ columns: 32 });
    await sim.attach(device);
    const printer = new EscPosPrinter({ transport: host, statusTimeoutMs: 100, encoding: layout });
    try {
      expect((await printer.open()).code).toBe('success');
      // Composed where the kiosk composes it: as wide as the printer says it prints.
      const job = composeBalanceReceipt({
        summary: {
          ...SAMPLE_SUMMARY,
          participant: { ...SAMPLE_SUMMARY.participant, name: 'I GUSTI NGURAH AGUNG WAHYUNINGSIH' },
        },
        terminalId: 'KSK01',
        reference: 'KSK01-20261122-0042',
        printedAt,
        language: 'en',
        columns: printer.capabilities().columns,
      });
      expect((await printer.print(job)).code).toBe('success');
    } finally {
      await printer.close();
    }
    const receipt = sim.receipts[0]!;
    const text = receiptText(receipt);
    for (const item of receipt.items)
      if (item.kind === 'line')
        expect(
          item.runs.reduce((n, run) => n + run.text.length * run.width, 0),
        ).toBeLessThanOrEqual(32);
    expect(receipt.items[0]).toMatchObject({ text: 'BPJS Ketenagakerjaan', size: 'normal' });
    // 'Employer Contributions' and its amount do not fit one line: the label wraps beside it.
    expect(text).toContainEqual(expect.stringMatching(/^Employer +Rp 2\.220\.000$/));
    expect(text).toContain('Contributions');
    // The masked name is too long for the label line: it follows, flush right, whole words.
    const name = text.indexOf('Name');
    expect(text.slice(name, name + 3)).toEqual(['Name', 'I G**** N***** A****', 'W***********']);
    expect(text).toContainEqual(expect.stringMatching(/^Closing Balance +Rp 50\.870\.000$/));
    expect(receipt.cut).toBe('full');
  });
});
