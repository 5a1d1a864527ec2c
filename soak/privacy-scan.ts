import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { personalDataNeedles } from './people';

export interface PrivacyFinds {
  fullKpj: number;
  birthDate: number;
  /** Where they were found (source names only, never the value). */
  where: string[];
}

export interface ScannedText {
  source: string;
  text: string;
}

/** Not inside a longer run of letters or digits (a hash or an id that merely contains it). */
const standalone = (needle: string) => new RegExp(`(?<![0-9A-Za-z])${needle}(?![0-9A-Za-z])`, 'g');

/** Counts every full KPJ and birth date of the host's participants found in the texts. */
export function scanForPersonalData(texts: readonly ScannedText[]): PrivacyFinds {
  const { kpjs, birthDates } = personalDataNeedles();
  const kpjPatterns = kpjs.map(standalone);
  const birthPatterns = birthDates.map(standalone);
  const finds: PrivacyFinds = { fullKpj: 0, birthDate: 0, where: [] };
  for (const { source, text } of texts) {
    const count = (patterns: RegExp[]) =>
      patterns.reduce((sum, pattern) => sum + (text.match(pattern)?.length ?? 0), 0);
    const kpj = count(kpjPatterns);
    const birth = count(birthPatterns);
    finds.fullKpj += kpj;
    finds.birthDate += birth;
    if (kpj + birth > 0) finds.where.push(`${source} (${kpj} KPJ, ${birth} birth date)`);
  }
  return finds;
}

/** Every file of a folder as text (the journal's JSON Lines files). */
export async function folderTexts(dir: string, label: string): Promise<ScannedText[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  return Promise.all(
    names.map(async (name) => ({
      source: `${label} ${name}`,
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}
