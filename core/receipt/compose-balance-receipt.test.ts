import { describe, expect, it } from 'vitest';
import type { BalanceSummary } from '../host/host-api';
import type { PrintElement } from '../../devices/printer/print-job';
import { composeBalanceReceipt } from './compose-balance-receipt';
import { composeTestPage } from './compose-test-page';
import { newReceiptReference } from './receipt-reference';

const summary: BalanceSummary = {
  participant: {
    name: 'SITI NURHALIZA',
    kpj: '98765432128',
    membershipStatus: 'inactive',
    employer: 'PT Contoh',
    branchOffice: 'Bandung',
    membershipStart: '2018-01',
    lastContributionMonth: '2025-06',
    currentWage: 4_000_000,
    age: 29,
  },
  jht: {
    asOf: '2026-10-31',
    openingBalance: 10_000_000,
    employerContributions: 1_776_000,
    workerContributions: 960_000,
    developmentReturns: 612_345,
    closingBalance: 13_348_345,
  },
  programs: [],
};

const printedAt = new Date('2026-11-22T07:05:00Z'); // 14:05 WIB

function allText(elements: PrintElement[]): string {
  return elements
    .map((e) =>
      e.kind === 'text'
        ? e.text
        : e.kind === 'keyValue'
          ? `${e.label} | ${e.value}`
          : e.kind === 'qr'
            ? `QR:${e.payload}`
            : '',
    )
    .join('\n');
}

describe('composeBalanceReceipt', () => {
  const compose = (language: 'id' | 'en') =>
    composeBalanceReceipt({
      summary,
      terminalId: 'KSK01',
      reference: 'KSK01-20261122-0042',
      printedAt,
      language,
      columns: 42,
    });

  it("prints the bank's header lines after the organisation and its footer lines before the cut", () => {
    const { elements } = composeBalanceReceipt({
      summary,
      terminalId: 'KSK01',
      reference: 'KSK01-20261122-0042',
      printedAt,
      language: 'id',
      columns: 32,
      bankLines: { header: ['BANK CONTOH', 'Cabang Sudirman'], footer: ['Layanan 1500-000'] },
    });
    const texts = elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(texts.slice(1, 3)).toEqual(['BANK CONTOH', 'Cabang Sudirman']);
    expect(texts.at(-1)).toBe('Layanan 1500-000');
    expect(elements.at(-1)?.kind).toBe('cut');
  });

  it('prints the time in the configured zone with its label: a kiosk in Makassar says WITA', () => {
    const text = allText(
      composeBalanceReceipt({
        summary,
        terminalId: 'KSK01',
        reference: 'KSK01-20261122-0042',
        printedAt,
        language: 'id',
        timeZone: 'Asia/Makassar',
        columns: 42,
      }).elements,
    );
    expect(text).toContain('22-11-2026 15:05 WITA');
    expect(text).not.toContain('WIB');
  });

  it('shows the header, terminal, WIB time, reference, masked KPJ and name, status and JHT lines', () => {
    const text = allText(compose('id').elements);
    expect(text).toContain('BPJS Ketenagakerjaan');
    expect(text).toContain('Informasi Saldo JHT');
    expect(text).toContain('Terminal | KSK01');
    expect(text).toContain('22-11-2026 14:05 WIB');
    expect(text).toContain('No. Referensi | KSK01-20261122-0042');
    expect(text).toContain('No. KPJ | *******2128');
    expect(text).toContain('Nama | SITI N*******');
    expect(text).toContain('Status Kepesertaan | Nonaktif');
    expect(text).toContain('Saldo Awal | Rp\u00a010.000.000');
    expect(text).toContain('Iuran Pemberi Kerja | Rp\u00a01.776.000');
    expect(text).toContain('Iuran Tenaga Kerja | Rp\u00a0960.000');
    expect(text).toContain('Hasil Pengembangan | Rp\u00a0612.345');
    expect(text).toContain('Saldo Akhir | Rp\u00a013.348.345');
    expect(text).toContain('Call centre 175');
    expect(text).toContain('Terima kasih');
  });

  it('puts only the reference number in the QR code', () => {
    const qrs = compose('id').elements.filter((e) => e.kind === 'qr');
    expect(qrs).toEqual([expect.objectContaining({ payload: 'KSK01-20261122-0042' })]);
  });

  it('never carries the full KPJ, the full name or the employer', () => {
    const text = allText(compose('id').elements) + allText(compose('en').elements);
    expect(text).not.toContain('98765432128');
    expect(text).not.toContain('NURHALIZA');
    expect(text).not.toContain('PT Contoh');
  });

  it('speaks English when asked, with the same figures', () => {
    const text = allText(compose('en').elements);
    expect(text).toContain('JHT Balance Information');
    expect(text).toContain('Membership Status | Inactive');
    expect(text).toContain('Closing Balance | Rp\u00a013.348.345');
    expect(text).toContain('Thank you');
    expect(text).not.toContain('Saldo Akhir');
  });

  it('ends with a cut and makes the closing balance bold', () => {
    const { elements } = compose('id');
    expect(elements.at(-1)).toEqual({ kind: 'cut', partial: false });
    expect(elements).toContainEqual(
      expect.objectContaining({ kind: 'keyValue', label: 'Saldo Akhir', bold: true }),
    );
  });
});

describe('newReceiptReference', () => {
  it('joins terminal, WIB date and a 4-digit sequence', () => {
    expect(newReceiptReference('KSK01', printedAt, 42)).toBe('KSK01-20261122-0042');
  });

  it('uses the Jakarta date even when UTC is still the day before', () => {
    expect(newReceiptReference('ksk-01', new Date('2026-11-21T18:30:00Z'), 1)).toBe(
      'KSK01-20261122-0001',
    );
  });

  it('rejects sequences that would not fit or repeat', () => {
    expect(() => newReceiptReference('KSK01', printedAt, 10_000)).toThrow(RangeError);
    expect(() => newReceiptReference('KSK01', printedAt, -1)).toThrow(RangeError);
    expect(() => newReceiptReference('---', printedAt, 1)).toThrow(RangeError);
  });
});

describe('composeTestPage', () => {
  it('prints a ruler as wide as the configured columns, styles and a QR', () => {
    const page = composeTestPage({
      terminalId: 'KSK01',
      printedAt,
      columns: 48,
      printerDescription: 'tcp:10.0.0.5:9100',
    });
    const text = allText(page.elements);
    expect(text).toContain('123456789012345678901234567890123456789012345678');
    expect(text).not.toContain('1234567890123456789012345678901234567890123456789');
    expect(text).toContain('Printer | tcp:10.0.0.5:9100');
    expect(page.elements).toContainEqual(
      expect.objectContaining({ kind: 'qr', payload: 'TEST-KSK01' }),
    );
    expect(page.elements.at(-1)?.kind).toBe('cut');
  });
});
