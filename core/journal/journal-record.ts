import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { JournalEntry, personalDataProblem } from './journal-entry';

/** `prev` of the very first record of a journal. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase SHA-256 hex digest');

/** Envelope of every line; `data` is checked against the record type afterwards. */
export const JournalRecordHeader = z.strictObject({
  seq: z.number().int().positive(),
  ts: z.iso.datetime(),
  terminalId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, . _ - only')
    .refine((value) => !personalDataProblem(value), 'terminal ID looks like personal data'),
  type: z.string(),
  data: z.unknown(),
  prev: sha256Hex,
  hash: sha256Hex,
});

export type JournalRecord = JournalEntry & {
  seq: number;
  ts: string;
  terminalId: string;
  prev: string;
  hash: string;
};

export type ParsedRecord = { ok: true; record: JournalRecord } | { ok: false; reason: string };

/** Validates a decoded JSON line as a journal record (envelope, then type-specific data). */
export function parseJournalRecord(value: unknown): ParsedRecord {
  const header = JournalRecordHeader.safeParse(value);
  if (!header.success) return { ok: false, reason: describeIssues(header.error) };
  const entry = JournalEntry.safeParse({ type: header.data.type, data: header.data.data });
  if (!entry.success) return { ok: false, reason: describeIssues(entry.error) };
  return { ok: true, record: { ...header.data, ...entry.data } as JournalRecord };
}

/** SHA-256 (hex) over the canonical JSON of the record without its `hash` field. */
export function hashRecord(record: object): string {
  const { hash: _hash, ...body } = record as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/** Paths and messages only: zod does not echo the refused value, and neither do we. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}
