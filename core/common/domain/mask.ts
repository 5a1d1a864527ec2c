/** `*******2128`: only the last four digits of a KPJ ever leave a session. */
export function maskKpj(kpj: string): string {
  const visible = kpj.slice(-4);
  return '*'.repeat(Math.max(kpj.length - 4, 0)) + visible;
}

/** Last four digits only, for logs and the journal. */
export function kpjLast4(kpj: string): string {
  return kpj.slice(-4);
}

/**
 * Partly masked name, the one rule for screen and receipt: every word keeps only its first
 * letter, except the first word of a name of two or more words, which stays whole. So no name
 * is ever shown in full, a single-word one (common in Indonesia) included.
 * `BUDI SANTOSO WIBOWO` -> `BUDI S****** W*****`, `SUPARMAN` -> `S*******`.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const masked = (word: string) => word[0] + '*'.repeat(Math.max(word.length - 1, 1));
  return words
    .map((word, index) => (index === 0 && words.length > 1 ? word : masked(word)))
    .join(' ');
}
