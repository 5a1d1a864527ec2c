/** Narrower than this, a label beside its value reads as a column of fragments. */
const MIN_BESIDE_WIDTH = 8;

/**
 * Lays out a label/value row in whole lines of at most `columns` characters, so the encoder
 * never has to fit a table whose columns the text has squeezed to nothing:
 * - both fit: `Nama                BUDI S******` (one line, value flush right);
 * - the label wraps at spaces in at most two lines beside the value (no word cut, at least
 *   MIN_BESIDE_WIDTH wide): the value stays on the first line;
 * - else the label on its own line(s), then the value flush right, wrapped at spaces (a word
 *   longer than a line is cut, never dropped).
 */
export function keyValueLines(label: string, value: string, columns: number): string[] {
  const width = Math.max(Math.floor(columns), 1);
  const labelLength = lengthOf(label);
  const valueLength = lengthOf(value);
  if (labelLength + 1 + valueLength <= width || (valueLength === 0 && labelLength <= width))
    return [label + ' '.repeat(Math.max(width - labelLength - valueLength, 0)) + value];

  const besideWidth = width - valueLength - 1;
  const longestWord = Math.max(0, ...label.split(' ').map(lengthOf));
  if (besideWidth >= MIN_BESIDE_WIDTH && longestWord <= besideWidth) {
    const labelLines = wrapAtSpaces(label, besideWidth);
    if (labelLines.length <= 2) {
      const [first = '', ...rest] = labelLines;
      return [first + ' '.repeat(width - lengthOf(first) - valueLength) + value, ...rest];
    }
  }
  const flushRight = (line: string) => ' '.repeat(width - lengthOf(line)) + line;
  return [...wrapAtSpaces(label, width), ...wrapAtSpaces(value, width).map(flushRight)];
}

/** Words joined by single spaces into lines of at most `width` characters. */
export function wrapAtSpaces(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    let chars = [...word];
    const lineLength = line.length;
    if (lineLength && lineLength + 1 + chars.length <= width) {
      line.push(' ', ...chars);
      continue;
    }
    if (lineLength) lines.push(line.join(''));
    while (chars.length > width) {
      lines.push(chars.slice(0, width).join(''));
      chars = chars.slice(width);
    }
    line = chars;
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

/** Printed characters, not UTF-16 units: one column each. */
function lengthOf(text: string): number {
  return [...text].length;
}
