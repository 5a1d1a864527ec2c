/**
 * The part of the XFS form language a receipt printer with text rows needs: one XFSFORM in
 * ROWCOLUMN units with TEXT fields (POSITION, SIZE, HORIZONTAL, STYLE, OVERFLOW, CLASS,
 * INITIALVALUE). Tokens as KAL SP-Dev's Framework/Server/XFSFormReader.cs reads them (quoted
 * strings, integers, enum words, `,` and `|`, `//` comments); anything else is refused by name,
 * as a service answers Printer.LoadDefinition with formInvalid.
 */

export type FieldAlign = 'left' | 'center' | 'right';

export interface FormField {
  name: string;
  column: number;
  row: number;
  width: number;
  height: number;
  align: FieldAlign;
  bold: boolean;
  double: boolean;
  /** TRUNCATE cuts what does not fit; TERMINATE fails the print (fieldError). */
  overflow: 'truncate' | 'terminate';
  fieldClass: 'optional' | 'static' | 'required';
  initialValue?: string;
}

export interface FormDefinition {
  name: string;
  columns: number;
  rows: number;
  fields: Map<string, FormField>;
}

export class FormInvalid extends Error {}

type Token =
  | { kind: 'word'; text: string; line: number }
  | { kind: 'string'; text: string; line: number }
  | { kind: 'integer'; value: number; line: number }
  | { kind: 'comma' | 'or'; line: number };

const MAX_DEFINITION_CHARS = 256 * 1024;
const MAX_FIELDS = 500;
const MAX_EXTENT = 1000;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s+|\/\/[^\n]*|"((?:[^"\\\n]|\\.)*)"|(-?\d+)|([A-Za-z_][A-Za-z0-9_]*)|(,)|(\|)|(.)/gy;
  let line = 1;
  for (const match of source.matchAll(pattern)) {
    const [whole, text, integer, word, comma, or, other] = match;
    if (text !== undefined)
      tokens.push({ kind: 'string', text: text.replace(/\\(.)/g, '$1'), line });
    else if (integer !== undefined) tokens.push({ kind: 'integer', value: Number(integer), line });
    else if (word !== undefined) tokens.push({ kind: 'word', text: word, line });
    else if (comma) tokens.push({ kind: 'comma', line });
    else if (or) tokens.push({ kind: 'or', line });
    else if (other !== undefined)
      throw new FormInvalid(`line ${line}: unexpected character ${JSON.stringify(other)}`);
    line += whole.split('\n').length - 1;
  }
  return tokens;
}

/** A keyword's values: words joined by `|` become one list, separated by commas. */
type Value = number | string | string[];

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** The line of the last token read: the keyword (or value) the failure is about. */
  private where(): string {
    return `line ${(this.tokens[this.at - 1] ?? this.peek())?.line ?? 1}`;
  }

  fail(message: string): never {
    throw new FormInvalid(`${this.where()}: ${message}`);
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  word(expected?: string): string {
    const token = this.peek();
    if (token?.kind !== 'word' || (expected && token.text !== expected))
      this.fail(`expected ${expected ?? 'a keyword'}`);
    this.at += 1;
    return token.text;
  }

  isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text === text;
  }

  string(): string {
    const token = this.peek();
    if (token?.kind !== 'string') this.fail('expected a quoted name');
    this.at += 1;
    return token.text;
  }

  /** The values after a keyword, up to the next keyword. */
  values(): Value[] {
    const values: Value[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'integer' || token?.kind === 'string') {
        this.at += 1;
        values.push(token.kind === 'integer' ? token.value : token.text);
      } else if (
        token?.kind === 'word' &&
        (values.length === 0 || this.tokens[this.at - 1]?.kind === 'comma')
      ) {
        values.push(this.flags());
      } else break;
      if (this.peek()?.kind !== 'comma') break;
      this.at += 1;
    }
    return values;
  }

  private flags(): string[] {
    const flags = [this.word()];
    while (this.peek()?.kind === 'or') {
      this.at += 1;
      flags.push(this.word());
    }
    return flags;
  }
}

const FORM_KEYWORDS_IGNORED = new Set([
  'VERSION',
  'TITLE',
  'COMMENT',
  'COPYRIGHT',
  'USERPROMPT',
  'LANGUAGE',
  'ORIENTATION',
]);
const STYLES = new Set(['NORMAL', 'BOLD', 'DOUBLE', 'DOUBLEHIGH']);

function integers(reader: Reader, keyword: string, values: Value[], count: number): number[] {
  const numbers = values.slice(0, count);
  if (
    numbers.length < count ||
    numbers.some((n) => typeof n !== 'number' || n < 0 || n > MAX_EXTENT)
  )
    reader.fail(`${keyword} takes ${count} whole numbers from 0 to ${MAX_EXTENT}`);
  return numbers as number[];
}

function oneOf<T extends string>(
  reader: Reader,
  keyword: string,
  values: Value[],
  allowed: readonly T[],
): T {
  const value = values[0];
  const word = Array.isArray(value) && value.length === 1 ? value[0] : undefined;
  if (!word || !allowed.includes(word as T))
    reader.fail(`${keyword} takes ${allowed.join(', ')} here`);
  return word as T;
}

function readField(reader: Reader, form: FormDefinition): FormField {
  reader.word('XFSFIELD');
  const name = reader.string();
  reader.word('BEGIN');
  const field: FormField = {
    name,
    column: 0,
    row: 0,
    width: form.columns,
    height: 1,
    align: 'left',
    bold: false,
    double: false,
    overflow: 'terminate',
    fieldClass: 'optional',
  };
  while (!reader.isWord('END')) {
    const keyword = reader.word();
    const values = reader.values();
    switch (keyword) {
      case 'POSITION':
        [field.column, field.row] = integers(reader, keyword, values, 2) as [number, number];
        break;
      case 'SIZE':
        [field.width, field.height] = integers(reader, keyword, values, 2) as [number, number];
        break;
      case 'TYPE':
        oneOf(reader, keyword, values, ['TEXT']);
        break;
      case 'HORIZONTAL':
        field.align = oneOf(reader, keyword, values, [
          'LEFT',
          'CENTER',
          'RIGHT',
        ]).toLowerCase() as FieldAlign;
        break;
      case 'STYLE': {
        const styles = values[0];
        if (!Array.isArray(styles) || styles.some((style) => !STYLES.has(style)))
          reader.fail(`STYLE takes ${[...STYLES].join('|')} here`);
        field.bold = styles.includes('BOLD');
        field.double = styles.includes('DOUBLE');
        break;
      }
      case 'OVERFLOW':
        field.overflow = oneOf(reader, keyword, values, [
          'TERMINATE',
          'TRUNCATE',
        ]).toLowerCase() as FormField['overflow'];
        break;
      case 'CLASS':
        field.fieldClass = oneOf(reader, keyword, values, [
          'OPTIONAL',
          'STATIC',
          'REQUIRED',
        ]).toLowerCase() as FormField['fieldClass'];
        break;
      case 'INITIALVALUE':
        if (typeof values[0] !== 'string') reader.fail('INITIALVALUE takes a quoted text');
        field.initialValue = values[0];
        break;
      default:
        reader.fail(`field keyword ${keyword} is not supported by this printer`);
    }
  }
  reader.word('END');
  if (field.column + field.width > form.columns || field.row + field.height > form.rows)
    reader.fail(`field "${name}" lies outside the form's ${form.columns} x ${form.rows}`);
  return field;
}

/** The form a definition describes; throws FormInvalid naming the line and what is wrong. */
export function parseFormDefinition(source: string): FormDefinition {
  if (source.length > MAX_DEFINITION_CHARS)
    throw new FormInvalid(`the definition is longer than ${MAX_DEFINITION_CHARS} characters`);
  const reader = new Reader(tokenize(source));
  if (reader.isWord('XFSMEDIA')) reader.fail('media definitions are not supported by this printer');
  reader.word('XFSFORM');
  const form: FormDefinition = { name: reader.string(), columns: 0, rows: 0, fields: new Map() };
  reader.word('BEGIN');
  let unit = false;
  while (!reader.isWord('END')) {
    if (reader.isWord('XFSFIELD')) {
      if (!unit || form.columns === 0) reader.fail('UNIT and SIZE come before the fields');
      const field = readField(reader, form);
      if (form.fields.has(field.name)) reader.fail(`field "${field.name}" is defined twice`);
      if (form.fields.size >= MAX_FIELDS) reader.fail(`more than ${MAX_FIELDS} fields`);
      form.fields.set(field.name, field);
      continue;
    }
    const keyword = reader.word();
    const values = reader.values();
    if (keyword === 'UNIT') {
      oneOf(reader, keyword, values, ['ROWCOLUMN']);
      unit = true;
    } else if (keyword === 'SIZE') {
      [form.columns, form.rows] = integers(reader, keyword, values, 2) as [number, number];
      if (form.columns === 0 || form.rows === 0) reader.fail('SIZE must be at least 1, 1');
    } else if (keyword === 'ALIGNMENT') {
      oneOf(reader, keyword, values, ['TOPLEFT']);
    } else if (!FORM_KEYWORDS_IGNORED.has(keyword)) {
      reader.fail(`form keyword ${keyword} is not supported by this printer`);
    }
  }
  reader.word('END');
  if (!reader.done()) reader.fail('one form per definition');
  if (!unit) reader.fail('UNIT ROWCOLUMN is required');
  return form;
}
