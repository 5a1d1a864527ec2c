import { z } from 'zod';
import { PrinterProblem } from '../common/api';
import { OutOfServiceReason } from '../common/service-status';

/**
 * What may be written to the journal: one strict schema per record type. The schema is the
 * privacy guard: unknown keys are refused, a KPJ appears only as its last four digits, and no
 * field exists for a name, birth date, NIK, PIN, card number, track data or a balance.
 */

/** 11+ consecutive digits look like a KPJ (11), NIK (16) or card number (12-19). */
const LONG_DIGIT_RUN = /\d{11,}/;
/** A formatted rupiah amount (`Rp 12.345.679`, `Rp12345`) is most likely a balance. */
const RUPIAH_AMOUNT = /\bRp\.?\s*\d/i;

/** Refuses a string that looks like personal data; the message never repeats the value. */
export function personalDataProblem(value: string): string | undefined {
  if (LONG_DIGIT_RUN.test(value))
    return 'refused: 11 or more consecutive digits (looks like a KPJ, NIK or card number)';
  if (RUPIAH_AMOUNT.test(value)) return 'refused: looks like a rupiah amount (a balance)';
  return undefined;
}

const safeText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = personalDataProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Identifier-like tokens: session IDs, device names, error kinds, actions. */
const token = (max: number) =>
  safeText(max).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, . _ : - only');

const sessionId = token(64);

export const IdentificationMethod = z.enum(['keypad', 'card', 'scanner', 'bankCard']);
export const VerificationOutcome = z.enum(['success', 'failed', 'locked']);
/** `interrupted`: the kiosk stopped mid-session (crash, power cut); written when it opens again. */
export const SessionEndReason = z.enum([
  'finished',
  'canceled',
  'timeout',
  'error',
  'locked',
  'interrupted',
]);
export const ReceiptOutcome = z.enum([
  'printed',
  'taken',
  'notTaken',
  'canceled',
  ...PrinterProblem.options,
]);

const entry = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

export const JournalEntry = z.discriminatedUnion('type', [
  entry('sessionStarted', z.strictObject({ sessionId })),
  entry(
    'identified',
    z.strictObject({
      sessionId,
      method: IdentificationMethod,
      kpjLast4: z.string().regex(/^\d{4}$/, 'only the last 4 digits of a KPJ'),
    }),
  ),
  entry(
    'verificationResult',
    z.strictObject({
      sessionId,
      result: VerificationOutcome,
      attemptsLeft: z.number().int().min(0).max(99).optional(),
    }),
  ),
  entry('balanceDisplayed', z.strictObject({ sessionId, shown: z.boolean() })),
  /** The ATM profile: the bank card was kept, and why. */
  entry(
    'cardRetained',
    z.strictObject({
      sessionId,
      reason: z.enum(['notTaken', 'pinTriesExceeded', 'cardBlocked']),
    }),
  ),
  entry(
    'receiptPrinted',
    z.strictObject({ sessionId, reference: token(40), outcome: ReceiptOutcome }),
  ),
  entry('sessionEnded', z.strictObject({ sessionId, reason: SessionEndReason })),
  entry('deviceFault', z.strictObject({ device: token(40), fault: safeText(200) })),
  entry('deviceRecovered', z.strictObject({ device: token(40) })),
  entry('hostError', z.strictObject({ kind: token(60) })),
  entry(
    'technicianAction',
    z.strictObject({ action: token(60), detail: safeText(300).optional() }),
  ),
  entry('journalWarning', z.strictObject({ message: safeText(300) })),
  entry(
    'recordRefused',
    z.strictObject({
      recordType: token(40),
      fields: z.array(z.string().regex(/^[A-Za-z0-9.()]{1,80}$/, 'a field path')).max(10),
    }),
  ),
  /** The kiosk stopped serving (service-monitor.ts): why, and which required devices are down. */
  entry(
    'outOfService',
    z.strictObject({
      reasons: z.array(OutOfServiceReason).min(1).max(3),
      devicesDown: z.array(token(40)).max(8),
    }),
  ),
  /** It serves again: what had held it, and for how long. */
  entry(
    'backInService',
    z.strictObject({
      reasons: z.array(OutOfServiceReason).max(3),
      seconds: z.number().int().min(0),
    }),
  ),
  entry('kioskStarted', z.strictObject({ version: token(40) })),
  entry('kioskStopped', z.strictObject({}).default({})),
]);

/** What a caller passes to `append`: the type and its data. */
export type JournalEntryInput = z.input<typeof JournalEntry>;
export type JournalEntry = z.output<typeof JournalEntry>;
export type JournalRecordType = JournalEntry['type'];
export const JOURNAL_RECORD_TYPES = JournalEntry.options.map(
  (option) => option.shape.type.value,
) as readonly JournalRecordType[];
