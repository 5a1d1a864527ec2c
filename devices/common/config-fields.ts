import { z } from 'zod';

/** Missing fields say `Required`, so a config error reads `devices.printer.transport.path: Required`. */
export const requiredString = () =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? 'Required' : 'Expected a string'),
    })
    .min(1, 'Must not be empty');

export const requiredInt = (min: number, max: number) =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? 'Required' : 'Expected a number'),
    })
    .int()
    .min(min)
    .max(max);

function keyIsOneOf(key: string, values: readonly string[], what: string) {
  return z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: value === undefined ? 'Required' : `Expected an object with a ${key}`,
      });
      return;
    }
    const chosen = (value as Record<string, unknown>)[key];
    if (typeof chosen !== 'string' || !values.includes(chosen))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message:
          values.length === 0
            ? `no ${what} is available`
            : `Expected one of ${values.map((v) => `'${v}'`).join(', ')}`,
      });
  });
}

/**
 * An object whose `key` field picks the schema for the rest, with errors that name the field
 * inside the chosen variant (zod's plain union would only say "invalid input" for the whole).
 */
export function discriminatedBy<T>(
  key: string,
  variants: ReadonlyMap<string, z.ZodType<T>>,
  what: string,
): z.ZodType<T> {
  return keyIsOneOf(key, [...variants.keys()], what).pipe(
    z.custom<T>().transform((value, ctx) => {
      const variant = variants.get((value as Record<string, string>)[key]!)!;
      const parsed = variant.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }),
  ) as unknown as z.ZodType<T>;
}
