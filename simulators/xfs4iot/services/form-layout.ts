/**
 * Printer.PrintForm on a text-row printer: the loaded form's fields filled with the command's
 * values and laid out row by row as a receipt job, or the errorCode the command completes with
 * (Completions/PrintForm_g.cs: fieldSpecFailure, fieldError).
 */
import type { PrintElement } from '../../../devices/printer/print-job';
import type { FormDefinition, FormField } from './form-definition';

export type FormLayout =
  | { ok: true; elements: PrintElement[] }
  | { ok: false; errorCode: 'fieldSpecFailure' | 'fieldError'; description: string };

const fieldFailure = (
  errorCode: 'fieldSpecFailure' | 'fieldError',
  description: string,
): FormLayout => ({ ok: false, errorCode, description });

/** The text a field prints, cut to its width when it may overflow that way. */
function fieldText(field: FormField, value: string): string | undefined {
  const width = field.double ? Math.floor(field.width / 2) : field.width;
  const chars = [...value];
  if (chars.length <= width) return value;
  return field.overflow === 'truncate' ? chars.slice(0, width).join('') : undefined;
}

function aligned(text: string, width: number, align: FormField['align']): string {
  const room = Math.max(width - [...text].length, 0);
  const before = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
  return ' '.repeat(before) + text;
}

export function layOutForm(
  form: FormDefinition,
  values: Readonly<Record<string, readonly string[]>>,
): FormLayout {
  for (const name of Object.keys(values))
    if (!form.fields.has(name))
      return fieldFailure('fieldSpecFailure', `the form ${form.name} has no field "${name}"`);

  const rows = new Map<number, { field: FormField; text: string }[]>();
  for (const field of form.fields.values()) {
    const given = values[field.name];
    if (given && given.length > 1)
      return fieldFailure('fieldError', `field "${field.name}" takes one value (it has no INDEX)`);
    if (given && field.fieldClass === 'static')
      return fieldFailure('fieldError', `field "${field.name}" is STATIC and takes no value`);
    const value =
      field.fieldClass === 'static' ? field.initialValue : (given?.[0] ?? field.initialValue);
    if (value === undefined) {
      if (field.fieldClass === 'required')
        return fieldFailure('fieldError', `field "${field.name}" is REQUIRED and has no value`);
      continue;
    }
    const text = fieldText(field, value);
    if (text === undefined)
      return fieldFailure(
        'fieldError',
        `field "${field.name}" overflows its ${field.width} columns`,
      );
    rows.set(field.row, [...(rows.get(field.row) ?? []), { field, text }]);
  }

  const elements: PrintElement[] = [];
  for (let row = 0; row < form.rows; row += 1) {
    const placed = (rows.get(row) ?? []).sort((a, b) => a.field.column - b.field.column);
    const [first] = placed;
    if (!first) {
      const coveredByDouble = rows.get(row - 1)?.some(({ field }) => field.height > 1);
      if (!coveredByDouble) elements.push({ kind: 'feed', lines: 1 });
      continue;
    }
    const style = {
      bold: first.field.bold,
      size: first.field.double ? 'double' : 'normal',
    } as const;
    if (placed.length === 1 && first.field.column === 0 && first.field.width === form.columns) {
      elements.push({ kind: 'text', text: first.text, align: first.field.align, ...style });
      continue;
    }
    let line = '';
    for (const { field, text } of placed)
      line = line.padEnd(field.column) + aligned(text, field.width, field.align);
    elements.push({ kind: 'text', text: line, ...style });
  }
  return { ok: true, elements };
}
