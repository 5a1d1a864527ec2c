import { z } from 'zod';

/** `Asia/Jakarta`, `UTC`, `Etc/GMT-7`: a name, not an offset such as `+07:00`. */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function canonicalZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * An IANA time zone this Node's ICU knows, in its canonical spelling (`asia/jakarta` becomes
 * `Asia/Jakarta`, so the receipt still prints WIB). Checked at load because every journal
 * file name and receipt date is formatted in it: a zone Intl refuses would fail every write.
 */
export const IanaTimeZone = z.string().transform((name, ctx) => {
  const canonical = IANA_NAME.test(name) ? canonicalZone(name) : undefined;
  if (canonical) return canonical;
  ctx.addIssue({
    code: 'custom',
    message: `'${name.slice(0, 40)}' is not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`,
  });
  return z.NEVER;
});
