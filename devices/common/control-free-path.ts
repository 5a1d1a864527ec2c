import type { z } from 'zod';

/** C0 controls (NUL, tab, line breaks, ESC, ...), DEL and C1 controls. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * A config field that names a file, folder, socket or device: no control characters. Node
 * refuses a NUL in a path only when the path is first used (ERR_INVALID_ARG_VALUE, a kiosk
 * out of service), and a line break or ESC would forge lines in the log that quotes it; the
 * config load names the field instead.
 */
export function withoutControlCharacters<T extends z.ZodString>(schema: T): T {
  return schema.refine((path) => !CONTROL_CHARACTER.test(path), {
    message: 'must not contain control characters (NUL, tab, line breaks, ESC)',
  });
}
