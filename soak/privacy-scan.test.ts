import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../simulators/host';
import { scanForPersonalData } from './privacy-scan';

const { kpj, birthDate, birthDateIso } = FIXTURES.active;

describe('scanForPersonalData', () => {
  it('counts a full KPJ and a birth date in any of its three spellings, naming only the source', () => {
    const finds = scanForPersonalData([
      { source: 'log', text: `{"msg":"lookup","kpj":"${kpj}"}` },
      { source: 'journal', text: `${birthDate} ${birthDateIso} ${birthDate.replaceAll('-', '')}` },
    ]);
    expect(finds).toMatchObject({ fullKpj: 1, birthDate: 3 });
    expect(finds.where.join(' ')).not.toContain(kpj);
  });

  it('does not count masked KPJs or digits inside a longer hex run (hashes, ids)', () => {
    const finds = scanForPersonalData([
      {
        source: 'view',
        text: `*******${kpj.slice(-4)} a${kpj}f ${kpj}0 ab${birthDate.replaceAll('-', '')}cd`,
      },
    ]);
    expect(finds).toMatchObject({ fullKpj: 0, birthDate: 0 });
  });
});
