import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../core/common/api';
import { echoEntry } from './entry-echo';

const kpj = (display: string): EntryView => ({
  field: 'kpj',
  display,
  length: display.length,
  maxLength: 11,
  complete: display.length === 11,
});
const birthDate = (display: string, length: number): EntryView => ({
  field: 'birthDate',
  display,
  length,
  maxLength: 8,
  complete: length === 8,
});

describe('foreseen entry keys', () => {
  it("leaves the projection's prefilled wage and years to the brain", () => {
    const wage: EntryView = {
      field: 'wage',
      display: 'Rp\u00a05.000.000',
      length: 7,
      maxLength: 9,
      complete: true,
    };
    expect(echoEntry(wage, { type: 'digit', digit: '7' })).toBeNull();
    expect(
      echoEntry(
        { ...wage, field: 'years', display: '22', length: 2, maxLength: 2 },
        { type: 'backspace' },
      ),
    ).toBeNull();
  });

  it('shows a typed digit as the brain will: KPJ digits, birth date in DD-MM-YYYY slots', () => {
    expect(echoEntry(kpj('17054'), { type: 'digit', digit: '3' })).toMatchObject({
      display: '170543',
      length: 6,
    });
    expect(echoEntry(birthDate('17-0_-____', 3), { type: 'digit', digit: '8' })).toMatchObject({
      display: '17-08-____',
      length: 4,
    });
  });

  it('takes a digit off with Correct and empties the field with Clear', () => {
    expect(echoEntry(birthDate('17-08-1988', 8), { type: 'backspace' })).toMatchObject({
      display: '17-08-198_',
      length: 7,
    });
    expect(echoEntry(kpj('170543'), { type: 'clear' })).toMatchObject({ display: '', length: 0 });
  });

  it('foresees nothing the brain would ignore, and leaves completeness to the brain', () => {
    expect(echoEntry(kpj('17054312128'), { type: 'digit', digit: '1' })).toBeNull();
    expect(echoEntry(kpj(''), { type: 'backspace' })).toBeNull();
    expect(echoEntry(kpj('1705431212'), { type: 'enter' })).toBeNull();
    expect(echoEntry(kpj('1705431212'), { type: 'digit', digit: '8' })?.complete).toBe(false);
  });
});
