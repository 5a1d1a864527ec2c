import fc from 'fast-check';

/** One change to a valid input: a character replaced, inserted or removed. */
export interface Edit {
  at: number;
  kind: 'replace' | 'insert' | 'remove';
  char: number;
}

/** 1 to 3 edits with characters from `minChar` to `maxChar`: valid input, slightly damaged. */
export function edits(minChar: number, maxChar: number): fc.Arbitrary<Edit[]> {
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('replace' as const, 'insert' as const, 'remove' as const),
    char: fc.integer({ min: minChar, max: maxChar }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

export function applyEdits(input: string, changes: Edit[]): string {
  const chars = [...input];
  for (const { at, kind, char } of changes) {
    const index = at % (chars.length + 1);
    if (kind === 'replace') chars[index] = String.fromCharCode(char);
    else if (kind === 'insert') chars.splice(index, 0, String.fromCharCode(char));
    else chars.splice(index, 1);
  }
  return chars.join('');
}
