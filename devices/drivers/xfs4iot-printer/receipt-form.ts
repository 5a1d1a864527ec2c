/**
 * A receipt as an XFS form, for Printer services that print forms and take no raw data: the
 * job laid out in text rows (one field per row), a form definition in the XFS form language
 * (ROWCOLUMN units, one XFSFIELD per row) to load with Printer.LoadDefinition, and the field
 * values for Printer.PrintForm. Keywords and enums as KAL SP-Dev's Framework/Server/
 * XFSFormReader.cs and Framework/ServiceClasses/PrinterServiceProvider/Form.cs read them.
 */
import { keyValueLines, wrapAtSpaces } from '../../printer/key-value-layout';
import { printableText } from '../../printer/escpos-job-encoder';
import type { PrintJob, TextAlign } from '../../printer/print-job';

export const RECEIPT_FORM_NAME = 'BPJSRECEIPT';

/** A printed row: double is double width and height, so it takes two rows of half the width. */
export interface FormRow {
  text: string;
  bold: boolean;
  double: boolean;
  align: TextAlign;
}

export interface ReceiptForm {
  definition: string;
  /** Printer.PrintForm `fields`: every value a list, as the reference's schema has them. */
  fields: Record<string, string[]>;
  rows: number;
}

/** Longest feed, as the ESC/POS encoder caps it too. */
const MAX_FEED = 20;

/**
 * The rows a job prints as. A QR code prints as its text (a form field of TYPE BARCODE has no
 * standard QR symbology); a cut may only end the job, where Printer.PrintForm's mediaControl
 * does it: a cut in the middle throws.
 */
export function receiptRows(job: PrintJob, columns: number): FormRow[] {
  const rows: FormRow[] = [];
  const plain = (text: string, align: TextAlign = 'left', bold = false) =>
    rows.push({ text, bold, double: false, align });
  job.elements.forEach((element, index) => {
    switch (element.kind) {
      case 'text': {
        const double = element.size === 'double';
        const width = double ? Math.max(Math.floor(columns / 2), 1) : columns;
        const lines = wrapAtSpaces(printableText(element.text), width);
        for (const text of lines.length > 0 ? lines : [''])
          rows.push({ text, bold: element.bold ?? false, double, align: element.align ?? 'left' });
        return;
      }
      case 'rule':
        plain((element.style === 'double' ? '=' : '-').repeat(columns));
        return;
      case 'keyValue':
        for (const line of keyValueLines(
          printableText(element.label),
          printableText(element.value),
          columns,
        ))
          plain(line, 'left', element.bold ?? false);
        return;
      case 'qr':
        for (const line of wrapAtSpaces(printableText(element.payload), columns))
          plain(line, element.align ?? 'center');
        return;
      case 'feed':
        for (let n = 0; n < Math.min(Math.max(element.lines, 0), MAX_FEED); n += 1) plain('');
        return;
      case 'cut':
        if (index !== job.elements.length - 1)
          throw new RangeError('a form prints one receipt: a cut can only end the job');
        return;
    }
  });
  return rows;
}

const HORIZONTAL: Record<TextAlign, string> = { left: 'LEFT', center: 'CENTER', right: 'RIGHT' };

/** The definition and field values of a job; blank rows are left as space in the form. */
export function receiptForm(job: PrintJob, columns: number): ReceiptForm {
  const fieldLines: string[] = [];
  const fields: Record<string, string[]> = {};
  let row = 0;
  for (const line of receiptRows(job, columns)) {
    const height = line.double ? 2 : 1;
    if (line.text.trim() !== '') {
      const name = `L${Object.keys(fields).length + 1}`;
      const style = [
        ...(line.bold ? ['BOLD'] : []),
        ...(line.double ? ['DOUBLE', 'DOUBLEHIGH'] : []),
      ];
      fieldLines.push(
        `  XFSFIELD "${name}"`,
        '  BEGIN',
        `    POSITION 0, ${row}`,
        `    SIZE ${columns}, ${height}`,
        `    HORIZONTAL ${HORIZONTAL[line.align]}`,
        `    STYLE ${style.length > 0 ? style.join('|') : 'NORMAL'}`,
        '    OVERFLOW TRUNCATE',
        '  END',
      );
      fields[name] = [line.text];
    }
    row += height;
  }
  const rows = Math.max(row, 1);
  const definition = [
    `XFSFORM "${RECEIPT_FORM_NAME}"`,
    'BEGIN',
    '  UNIT ROWCOLUMN, 1, 1',
    `  SIZE ${columns}, ${rows}`,
    '  ALIGNMENT TOPLEFT, 0, 0',
    ...fieldLines,
    'END',
  ].join('\n');
  return { definition, fields, rows };
}
