import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalanceSummary } from '../../core/host/host-api';
import { formatRupiah } from '../../core/common/domain/format';
import { maskName } from '../../core/common/domain/mask';
import { composeBalanceReceipt } from '../../core/receipt/compose-balance-receipt';
import { composeTestPage } from '../../core/receipt/compose-test-page';
import { encodeJobToEscPos, printableText } from '../../devices/printer/escpos-job-encoder';
import type { PrintJob } from '../../devices/printer/print-job';
import { fuzzParameters } from '../../test-support/fuzz';
import { createPrinterSimulator } from './printer-simulator';
import type { PrintedLine, PrintedReceipt } from './receipt-model';
import { SAMPLE_SUMMARY } from './test-fixtures';

// A receipt at any supported width, whatever the name: composed (core), encoded (driver),
// then read back from the ESC/POS bytes (simulator) the way the paper shows it.
const WIDTHS = [32, 42, 48] as const;
const printedAt = new Date('2026-11-22T07:05:00Z');

function onPaper(job: PrintJob, columns: number): PrintedReceipt {
  const sim = createPrinterSimulator({ columns });
  sim.receive(encodeJobToEscPos(job, { columns }));
  expect(sim.receipts).toHaveLength(1);
  return sim.receipts[0]!;
}

const lines = (receipt: PrintedReceipt) =>
  receipt.items.filter((item): item is PrintedLine => item.kind === 'line');

/** How many columns a printed line takes, padding and double width included. */
const printedWidth = (line: PrintedLine) =>
  line.runs.reduce((sum, run) => sum + [...run.text].length * run.width, 0);

function receiptFor(
  name: string,
  columns: number,
  language: 'id' | 'en' = 'id',
  jht = SAMPLE_SUMMARY.jht,
): PrintJob {
  const summary: BalanceSummary = {
    ...SAMPLE_SUMMARY,
    participant: { ...SAMPLE_SUMMARY.participant, name },
    jht,
  };
  return composeBalanceReceipt({
    summary,
    terminalId: 'KSK01',
    reference: 'KSK01-20261122-0042',
    printedAt,
    language,
    columns,
  });
}

const INDONESIAN_WORDS = [
  'SITI',
  'NURHALIZA',
  'MUHAMMAD',
  'RIZKY',
  'PRATAMA',
  'PUTRI',
  'DEWI',
  'SRI',
  'WAHYUNINGSIH',
  'BAMBANG',
  'SUSILO',
  'I',
  'GUSTI',
  'NGURAH',
  'NI',
  'LUH',
  'ANAK',
  'AGUNG',
  "MA'RUF",
  'ABDURRAHMAN',
  'KARTAWIJAYAKUSUMANINGRAT',
];

const indonesianName = fc
  .array(fc.constantFrom(...INDONESIAN_WORDS), { minLength: 0, maxLength: 12 })
  .map((words) => words.join(' ').slice(0, 120));
const asciiName = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 120,
});
const amount = fc.integer({ min: 0, max: 1_000_000_000_000 });

describe('a receipt at any width, whatever the name', () => {
  it('composes, encodes and prints every line within the width, all amounts there', () => {
    fc.assert(
      fc.property(
        fc.oneof(indonesianName, asciiName),
        fc.constantFrom(...WIDTHS),
        fc.constantFrom('id' as const, 'en' as const),
        fc.stringMatching(/^\d{11}$/),
        fc.record({
          openingBalance: amount,
          employerContributions: amount,
          workerContributions: amount,
          developmentReturns: amount,
          closingBalance: amount,
        }),
        (name, columns, language, kpj, figures) => {
          const jht = { asOf: '2026-10-31', ...figures };
          const summary = {
            ...SAMPLE_SUMMARY,
            participant: { ...SAMPLE_SUMMARY.participant, kpj },
          };
          const job = composeBalanceReceipt({
            summary: { ...summary, participant: { ...summary.participant, name }, jht },
            terminalId: 'KSK01',
            reference: 'KSK01-20261122-0042',
            printedAt,
            language,
            columns,
          });
          const printed = lines(onPaper(job, columns));
          for (const line of printed) expect(printedWidth(line)).toBeLessThanOrEqual(columns);
          const text = printed.map((line) => line.text);
          for (const value of Object.values(figures))
            expect(text).toContainEqual(
              expect.stringContaining(printableText(formatRupiah(value, 'id-ID'))),
            );
          expect(text).toContainEqual(expect.stringContaining(`*******${kpj.slice(-4)}`));
          // Every word of the masked name is on the paper, whole when it fits a line.
          const joined = text.join('');
          for (const word of printableText(maskName(name)).split(' ').filter(Boolean)) {
            if (word.length <= columns) expect(text).toContainEqual(expect.stringContaining(word));
            else expect(joined).toContain(word);
          }
        },
      ),
      fuzzParameters({ numRuns: 200 }),
    );
  });

  it('the technician test page fits too, with a long printer description', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WIDTHS),
        fc.string({ maxLength: 90 }),
        fc.stringMatching(/^[A-Z0-9-]{1,30}$/),
        (columns, description, terminalId) => {
          const page = composeTestPage({
            terminalId,
            printedAt,
            columns,
            printerDescription: description,
            softwareVersion: '0.1.0',
          });
          const printed = lines(onPaper(page, columns));
          for (const line of printed) expect(printedWidth(line)).toBeLessThanOrEqual(columns);
          expect(printed.map((line) => line.text)).toContain(
            Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join(''),
          );
        },
      ),
      fuzzParameters({ numRuns: 100 }),
    );
  });
});

describe('names around the 42-column limit', () => {
  /** Indonesian words joined until the name is exactly `length` characters. */
  function nameOfLength(length: number): string {
    let name = '';
    for (let i = 0; name.length < length; i++)
      name += (name ? ' ' : '') + INDONESIAN_WORDS[i % INDONESIAN_WORDS.length];
    return name.slice(0, length).trimEnd().padEnd(length, 'A');
  }

  /** The printed lines from the name label up to the next row. */
  function nameRows(receipt: PrintedReceipt): string[] {
    const text = lines(receipt).map((line) => line.text);
    const start = text.findIndex((line) => line.startsWith('Nama'));
    const end = text.findIndex((line) => line.startsWith('Status Kepesertaan'));
    return text.slice(start, end);
  }

  it.each([40, 41, 42, 60])(
    'a %i-character name prints the whole label and the masked name, never a letter a line',
    (length) => {
      const name = nameOfLength(length);
      expect(name).toHaveLength(length);
      const receipt = onPaper(receiptFor(name, 42), 42);
      const rows = nameRows(receipt);
      const masked = maskName(name);
      // The label stays whole on its own line, the masked name follows flush right.
      expect(rows[0]).toBe('Nama');
      expect(rows.slice(1).join(' ')).toBe(masked);
      for (const line of lines(receipt)) expect(printedWidth(line)).toBeLessThanOrEqual(42);
      expect(rows.every((row) => row.length > 1)).toBe(true);
    },
  );

  it('a short name stays on the label line', () => {
    const rows = nameRows(onPaper(receiptFor('BUDI SANTOSO WIBOWO', 42), 42));
    expect(rows).toEqual([`Nama${' '.repeat(42 - 4 - 19)}BUDI S****** W*****`]);
  });

  it('a single word longer than the line is cut across lines, not dropped', () => {
    const name = 'A'.repeat(60);
    const rows = nameRows(onPaper(receiptFor(name, 32), 32));
    expect(rows[0]).toBe('Nama');
    expect(rows.slice(1).join('')).toBe(maskName(name));
    expect(rows.slice(1).map((row) => row.length)).toEqual([32, 28]);
  });
});
