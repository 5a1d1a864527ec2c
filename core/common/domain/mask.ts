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
 * Partly masked name: the first word stays, later words keep their first letter.
 * `BUDI SANTOSO WIBOWO` -> `BUDI S****** W******`.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word : word[0] + '*'.repeat(Math.max(word.length - 1, 1))))
    .join(' ');
}

/** `****1234` for a phone number an OTP was sent to. */
export function maskPhone(phone: string): string {
  return '****' + phone.replace(/\D/g, '').slice(-4);
}
