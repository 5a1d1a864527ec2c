import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptForm } from '../../../devices/drivers/xfs4iot-printer/receipt-form';
import { job, type PrintElement } from '../../../devices/printer/print-job';
import { FormInvalid, parseFormDefinition } from './form-definition';
import { layOutForm } from './form-layout';

const form = (fields: string, size = 'SIZE 20, 3') =>
  `XFSFORM "F"\nBEGIN\n  UNIT ROWCOLUMN, 1, 1\n  ${size}\n${fields}\nEND`;
const field = (name: string, body: string) => `XFSFIELD "${name}"\nBEGIN\n${body}\nEND`;

const invalid = (source: string) => {
  try {
    parseFormDefinition(source);
  } catch (error) {
    if (error instanceof FormInvalid) return error.message;
    throw error;
  }
  throw new Error('the definition was accepted');
};

describe('the simulated printer reading a form definition', () => {
  it('reads fields with their place, size, alignment, style and class', () => {
    const parsed = parseFormDefinition(
      form(
        [
          '// the title',
          field('T', 'POSITION 0, 0\nSIZE 20, 2\nHORIZONTAL CENTER\nSTYLE BOLD|DOUBLE|DOUBLEHIGH'),
          field('V', 'POSITION 4, 2 SIZE 16, 1 OVERFLOW TRUNCATE CLASS REQUIRED'),
          field('S', 'POSITION 0, 2\nSIZE 3, 1\nCLASS STATIC\nINITIALVALUE "Rp"'),
        ].join('\n'),
      ),
    );
    expect(parsed).toMatchObject({ name: 'F', columns: 20, rows: 3 });
    expect(parsed.fields.get('T')).toMatchObject({
      align: 'center',
      bold: true,
      double: true,
      height: 2,
    });
    expect(parsed.fields.get('V')).toMatchObject({
      column: 4,
      row: 2,
      overflow: 'truncate',
      fieldClass: 'required',
    });
    expect(parsed.fields.get('S')).toMatchObject({ fieldClass: 'static', initialValue: 'Rp' });
  });

  it('refuses what it cannot print, naming the line and the keyword', () => {
    expect(invalid(form(field('A', 'POSITION 0, 0\nTYPE GRAPHIC')))).toMatch(
      /line 8: TYPE takes TEXT/,
    );
    expect(invalid(form(field('A', 'SCALING BESTFIT')))).toMatch(
      /field keyword SCALING is not supported/,
    );
    expect(invalid(form('', 'SIZE 20, 3\n  UNIT INCH, 1, 1'))).toMatch(/UNIT takes ROWCOLUMN/);
    expect(invalid(form(field('A', 'POSITION 15, 0\nSIZE 10, 1')))).toMatch(
      /lies outside the form's 20 x 3/,
    );
    expect(invalid(form(field('A', 'POSITION 0, 0') + '\n' + field('A', 'POSITION 0, 1')))).toMatch(
      /defined twice/,
    );
    expect(invalid(form(field('A', 'STYLE ITALIC')))).toMatch(/STYLE takes NORMAL\|BOLD/);
    expect(invalid('XFSMEDIA "M" BEGIN END')).toMatch(/media definitions are not supported/);
    expect(invalid(form('') + ' XFSFORM "G" BEGIN END')).toMatch(/one form per definition/);
    expect(invalid(form('').replace('"F"', 'F'))).toMatch(/expected a quoted name/);
    expect(invalid(form(field('A', 'POSITION 0; 0')))).toMatch(/unexpected character ";"/);
    expect(invalid('XFSFORM "F" BEGIN SIZE 2, 2')).toMatch(/expected a keyword/);
  });

  it('fills the fields, and fails a print with an unknown, overflowing or missing field', () => {
    const parsed = parseFormDefinition(
      form(
        [
          field('A', 'POSITION 0, 0\nSIZE 20, 1\nHORIZONTAL RIGHT'),
          field('L', 'POSITION 0, 2\nSIZE 8, 1'),
          field('R', 'POSITION 10, 2\nSIZE 10, 1\nHORIZONTAL RIGHT\nCLASS REQUIRED'),
        ].join('\n'),
      ),
    );
    expect(layOutForm(parsed, { A: ['Saldo'], L: ['Nama'], R: ['BUDI'] })).toEqual({
      ok: true,
      elements: [
        { kind: 'text', text: 'Saldo', align: 'right', bold: false, size: 'normal' },
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: 'Nama            BUDI', bold: false, size: 'normal' },
      ],
    });
    expect(layOutForm(parsed, { R: ['x'], B: ['?'] })).toMatchObject({
      ok: false,
      errorCode: 'fieldSpecFailure',
    });
    expect(layOutForm(parsed, { R: ['a much longer value'] })).toMatchObject({
      ok: false,
      errorCode: 'fieldError',
      description: expect.stringContaining('overflows its 10 columns'),
    });
    expect(layOutForm(parsed, { A: ['x'] })).toMatchObject({
      ok: false,
      description: expect.stringContaining('"R" is REQUIRED'),
    });
    expect(layOutForm(parsed, { R: ['x', 'y'] })).toMatchObject({
      ok: false,
      errorCode: 'fieldError',
    });
  });

  it('reads back every receipt the driver lays out as a form, row for row', () => {
    const text = fc.string({ maxLength: 60 });
    const element: fc.Arbitrary<PrintElement> = fc.oneof(
      fc
        .record({
          text,
          bold: fc.boolean(),
          double: fc.boolean(),
          align: fc.constantFrom('left', 'center', 'right'),
        })
        .map(({ text: line, bold, double, align }) =>
          job.text(line, { bold, size: double ? 'double' : 'normal', align }),
        ),
      fc.tuple(text, text).map(([label, value]) => job.keyValue(label, value)),
      fc.constantFrom(job.rule(), job.rule('double'), job.feed(2), job.qr('REF-1')),
    );
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 25 }),
        fc.constantFrom(32, 42, 48),
        (elements, columns) => {
          const { definition, fields } = receiptForm(
            { name: 'p', elements: [...elements, job.cut()] },
            columns,
          );
          const laidOut = layOutForm(parseFormDefinition(definition), fields);
          expect(laidOut.ok).toBe(true);
          const printed = laidOut.ok ? laidOut.elements.filter((e) => e.kind === 'text') : [];
          expect(printed.map((e) => (e.kind === 'text' ? e.text : ''))).toEqual(
            Object.values(fields).flat(),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
