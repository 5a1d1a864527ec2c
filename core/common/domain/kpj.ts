/** KPJ (Kartu Peserta Jamsostek) numbers are 11 digits with no documented check digit. */
export const KPJ_LENGTH = 11;

const KPJ_PATTERN = /^\d{11}$/;

export function isValidKpj(value: string): boolean {
  return KPJ_PATTERN.test(value);
}

/** Strips spaces, dots and dashes people or card prints put between digit groups. */
export function normalizeKpj(value: string): string {
  return value.replace(/[\s.-]/g, '');
}
