import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { JOURNAL_FILE_MODE } from './journal-files';

/** Beside the day files; not a day file, so verify, export and tail never read it. */
export const SHIPPING_CURSOR_FILE = 'journal-shipping.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Instant = z.iso.datetime();

/**
 * What the kiosk knows of its journal shipping, kept in the journal folder so `kiosk-diag journal
 * status` can tell it without the kiosk or the host. A hint only: the host's answer decides where
 * shipping resumes.
 */
export const ShippingCursor = z
  .object({
    /** The last record the host confirmed holding, and the day file it is in. */
    shipped: z
      .object({
        seq: z.number().int().nonnegative(),
        hash: Sha256,
        file: z
          .string()
          .regex(/^journal-\d{4}-\d{2}-\d{2}\.jsonl$/)
          .nullable(),
      })
      .strict(),
    /** When the host last confirmed it (a batch accepted, or nothing left to send). */
    confirmedAt: Instant.nullable(),
    lastAttemptAt: Instant.nullable(),
    /** The last attempt's failure; null once an attempt got everything to the host. */
    lastError: z
      .object({
        at: Instant,
        kind: z.string().max(40),
        detail: z.string().max(300).optional(),
      })
      .strict()
      .nullable(),
    /** When the kiosk tries again after that failure. */
    nextRetryAt: Instant.nullable(),
  })
  .strict();
export type ShippingCursor = z.infer<typeof ShippingCursor>;

export type CursorRead =
  { found: true; cursor: ShippingCursor } | { found: false; problem?: string };

export async function readShippingCursor(dir: string): Promise<CursorRead> {
  let text: string;
  try {
    text = await readFile(join(dir, SHIPPING_CURSOR_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    return { found: false, problem: `cannot read ${SHIPPING_CURSOR_FILE}: ${errorCode(error)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { found: false, problem: `${SHIPPING_CURSOR_FILE} is not JSON` };
  }
  const parsed = ShippingCursor.safeParse(raw);
  return parsed.success
    ? { found: true, cursor: parsed.data }
    : { found: false, problem: `${SHIPPING_CURSOR_FILE} is not a shipping cursor` };
}

/**
 * Replaces the cursor atomically: written to a temporary file, flushed, then renamed over the
 * old one, so a reader (or a power cut) sees the old cursor or the new one, never half of one.
 */
export async function writeShippingCursor(dir: string, cursor: ShippingCursor): Promise<void> {
  const path = join(dir, SHIPPING_CURSOR_FILE);
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w', JOURNAL_FILE_MODE);
  try {
    await handle.writeFile(JSON.stringify(ShippingCursor.parse(cursor)) + '\n');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}
