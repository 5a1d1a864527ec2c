import { z } from 'zod';
import { KpjNumber } from '../common/domain/kpj';

/**
 * The host (gateway) HTTP API, one zod schema per message. The simulator serves it, the
 * HttpHostClient consumes it, docs/host-api.openapi.yaml documents it. Money is integer rupiah.
 * Every string and array has a bound: a reply is shown, journaled and sent to the UI, so a host
 * (or whoever stands in for it) must not be able to grow the kiosk's messages at will.
 */

export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
/** A real calendar day: 2024-02-29 yes, 2025-02-30 no. */
export const IsoDate = z.iso.date();
/** Up to a thousand trillion rupiah, so sums of a few amounts stay exact in a double. */
export const Rupiah = z.number().int().nonnegative().max(1e15);
/**
 * The years a statement can speak of: Astek, BPJS Ketenagakerjaan's forerunner, began in 1977;
 * a year past 2100 is a broken host, not a statement.
 */
const STATEMENT_YEARS = { first: 1977, last: 2100 } as const;
const inStatementYears = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= STATEMENT_YEARS.first && year <= STATEMENT_YEARS.last;
};
const YEAR_RANGE = `year ${STATEMENT_YEARS.first} to ${STATEMENT_YEARS.last}`;
/** A month a statement speaks of (membership start, a contribution month). */
export const StatementMonth = YearMonth.refine(inStatementYears, YEAR_RANGE);
/** A day a statement speaks of (as of, deposit, posting); not a birth date. */
export const StatementDate = IsoDate.refine(inStatementYears, YEAR_RANGE);

/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and the bidi controls
 * (U+061C, U+200E/F, U+202A-E, U+2066-9): they could hide, reorder or break what the screen,
 * the receipt or the log shows.
 */
const UNSAFE_TEXT = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** A name or label as a statement prints it: trimmed, not blank, nothing that is not text. */
const Label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !UNSAFE_TEXT.test(text), 'control or bidi character');

/** No two entries with the same key (months of a history, programs of a summary). */
function uniqueBy<T>(key: (item: T) => string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(key(item))) {
        ctx.addIssue({ code: 'custom', message: 'duplicate entry', path: [index] });
      }
      seen.add(key(item));
    });
  };
}

export const LookupRequest = z.object({ kpj: KpjNumber });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const VerificationMethod = z.enum(['birthDate', 'otp']);
export type VerificationMethod = z.infer<typeof VerificationMethod>;

export const LookupReply = z.object({
  /** What the participant must prove next, in order. */
  verification: z
    .array(VerificationMethod)
    .min(1)
    .max(VerificationMethod.options.length)
    .superRefine(uniqueBy((method) => method)),
});
export type LookupReply = z.infer<typeof LookupReply>;

export const VerifyRequest = z.object({
  kpj: KpjNumber,
  birthDate: IsoDate,
});
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** A bearer token: base64url (hex is a subset), 16 to 512 characters. */
export const BearerToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,512}$/, 'expected 16-512 base64url characters');

/** An ISO 8601 instant with its offset (`2026-11-22T02:15:00.000Z`); never "1" or "Dec 25". */
export const Instant = z.iso.datetime({ offset: true });

export const VerifyReply = z.object({
  token: BearerToken,
  expiresInSeconds: z.number().int().positive().max(86_400),
});
export type VerifyReply = z.infer<typeof VerifyReply>;

export const OtpSendReply = z.object({
  /** Where the code went, masked: `****1234`. */
  maskedDestination: z.string().regex(/^\*{4}\d{4}$/),
  expiresInSeconds: z.number().int().positive().max(3_600),
  /** How long before another code may be requested. */
  resendAfterSeconds: z.number().int().nonnegative().max(3_600),
});
export type OtpSendReply = z.infer<typeof OtpSendReply>;

export const OtpVerifyRequest = z.object({ code: z.string().regex(/^\d{6}$/) });
export type OtpVerifyRequest = z.infer<typeof OtpVerifyRequest>;

export const OtpVerifyReply = z.object({ verified: z.literal(true) });
export type OtpVerifyReply = z.infer<typeof OtpVerifyReply>;

export const ProgramCode = z.enum(['JHT', 'JP', 'JKK', 'JKM', 'JKP']);
export type ProgramCode = z.infer<typeof ProgramCode>;

export const ProgramCoverage = z.object({
  program: ProgramCode,
  covered: z.boolean(),
  /** JP only: months of contributions counted toward the pension. */
  contributionMonths: z.number().int().nonnegative().max(1200).optional(),
  /** JP only: the pension balance (akumulasi iuran), integer rupiah. */
  balance: Rupiah.optional(),
});
export type ProgramCoverage = z.infer<typeof ProgramCoverage>;

export const BalanceSummary = z.object({
  participant: z.object({
    name: Label(120),
    kpj: KpjNumber,
    membershipStatus: z.enum(['active', 'inactive']),
    employer: Label(150),
    branchOffice: Label(150),
    membershipStart: StatementMonth,
    lastContributionMonth: StatementMonth.nullable(),
    /** Latest reported monthly wage, used to prefill the JHT projection. */
    currentWage: Rupiah,
    /** Age in whole years on the statement date; the host knows the birth date, the kiosk need not keep it. */
    age: z.number().int().min(14).max(100),
  }),
  jht: z
    .object({
      asOf: StatementDate,
      openingBalance: Rupiah,
      employerContributions: Rupiah,
      workerContributions: Rupiah,
      developmentReturns: Rupiah,
      closingBalance: Rupiah,
    })
    .refine(
      (jht) =>
        jht.openingBalance +
          jht.employerContributions +
          jht.workerContributions +
          jht.developmentReturns ===
        jht.closingBalance,
      {
        message: 'opening + contributions + returns must equal the closing balance',
        path: ['closingBalance'],
      },
    ),
  programs: z
    .array(ProgramCoverage)
    .max(ProgramCode.options.length)
    .superRefine(uniqueBy((coverage) => coverage.program)),
});
export type BalanceSummary = z.infer<typeof BalanceSummary>;

export const ContributionRow = z
  .object({
    month: StatementMonth,
    depositDate: StatementDate,
    postingDate: StatementDate,
    wage: Rupiah,
    arrears: Rupiah,
    jhtEmployer: Rupiah,
    jhtWorker: Rupiah,
    jpEmployer: Rupiah,
    jpWorker: Rupiah,
  })
  .superRefine((row, ctx) => {
    const window = paymentWindowOf(row.month);
    for (const field of ['depositDate', 'postingDate'] as const) {
      if (row[field] < window.earliest || row[field] > window.latest) {
        ctx.addIssue({ code: 'custom', message: 'too far from its month', path: [field] });
      }
    }
  });
export type ContributionRow = z.infer<typeof ContributionRow>;

/**
 * When a month's contribution can be paid and booked: from 12 months before the month (a worker
 * outside payroll, BPU, pays months ahead) to 5 years after it ends (arrears, rapel).
 */
function paymentWindowOf(month: string): { earliest: string; latest: string } {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  // Day 0 of the next month is the last day of this one, in the year 5 years on.
  const latest = new Date(Date.UTC(year + 5, monthNumber, 0)).toISOString().slice(0, 10);
  return { earliest: `${year - 1}${month.slice(4)}-01`, latest };
}

/** The most months `GET /v1/contributions?months=` may ask for. */
export const MAX_HISTORY_MONTHS = 120;

export const ContributionHistory = z.object({
  /** Newest first. Months with no contribution are absent: gaps are visible by the month keys. */
  rows: z
    .array(ContributionRow)
    .max(MAX_HISTORY_MONTHS)
    .superRefine(uniqueBy((row) => row.month)),
});
export type ContributionHistory = z.infer<typeof ContributionHistory>;

/**
 * A bank card as the kiosk names it to the bank link: the first six and last four digits (PCI
 * truncation). The full PAN goes only into the PIN pad, which binds the PIN block to it; the
 * bank finds its card from the reference and checks the block against its own copy.
 */
export const CardReference = z
  .string()
  .regex(/^\d{6}\*{2,9}\d{4}$/, 'expected the first six and last four digits, masked between');
export type CardReference = z.infer<typeof CardReference>;

/** The PIN block and KSN lengths (hex digits) of each format: TDES DUKPT and AES DUKPT. */
const PIN_BLOCK_SIZES = {
  iso0: { pinBlock: 16, ksn: 20 },
  iso4: { pinBlock: 32, ksn: 24 },
} as const;

/** POST /v1/bank-card/verify: the card PIN as a PIN block under the pin pad's DUKPT key. */
export const BankCardVerifyRequest = z
  .object({
    cardReference: CardReference,
    /** ISO 9564 format 0 (TDES DUKPT, 8 bytes) or format 4 (AES DUKPT, 16 bytes), hex. */
    format: z.enum(['iso0', 'iso4']),
    pinBlock: z.string().regex(/^(?:[0-9A-F]{16}|[0-9A-F]{32})$/, 'expected 16 or 32 hex digits'),
    /** The DUKPT key serial number: 10 bytes (TDES) or 12 bytes (AES), hex. */
    ksn: z.string().regex(/^(?:[0-9A-F]{20}|[0-9A-F]{24})$/, 'expected 20 or 24 hex digits'),
  })
  .superRefine((request, ctx) => {
    const sizes = PIN_BLOCK_SIZES[request.format];
    for (const field of ['pinBlock', 'ksn'] as const) {
      if (request[field].length !== sizes[field]) {
        ctx.addIssue({
          code: 'custom',
          message: `wrong length for ${request.format}`,
          path: [field],
        });
      }
    }
  });
export type BankCardVerifyRequest = z.infer<typeof BankCardVerifyRequest>;

/** One KPJ linked to the card owner's NIK; its token opens balance and contributions. */
export const LinkedAccount = z.object({
  maskedKpj: z.string().regex(/^\*{7}\d{4}$/, 'expected a masked KPJ: *******1234'),
  employer: Label(150),
  membershipStatus: z.enum(['active', 'inactive']),
  token: BearerToken,
});
export type LinkedAccount = z.infer<typeof LinkedAccount>;

export const BankCardVerifyReply = z.object({
  accounts: z
    .array(LinkedAccount)
    .min(1)
    // One pin pad digit picks each (1-9).
    .max(9)
    .superRefine(uniqueBy((account) => account.token)),
  expiresInSeconds: z.number().int().positive().max(86_400),
});
export type BankCardVerifyReply = z.infer<typeof BankCardVerifyReply>;

export const HostErrorCode = z.enum([
  'notFound',
  /** Bank card: the bank has blocked the card. */
  'cardBlocked',
  /** Bank card: PIN tries exceeded; the terminal must retain the card. */
  'pinTriesExceeded',
  /** Bank card: the PIN is right but no KPJ is linked to the card owner's NIK. */
  'noKpjLinked',
  'verificationFailed',
  'locked',
  'otpExpired',
  'tooSoon',
  'unauthorized',
  'badRequest',
  'conflict',
  'internal',
]);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

export const HostErrorBody = z.object({
  code: HostErrorCode,
  message: z.string().max(500),
  attemptsLeft: z.number().int().nonnegative().max(100).optional(),
  /** ISO 8601 instant when a locked participant may try again. */
  retryAt: Instant.optional(),
  /** With tooSoon: seconds before another OTP may be requested. */
  retryAfterSeconds: z.number().int().nonnegative().max(86_400).optional(),
});
export type HostErrorBody = z.infer<typeof HostErrorBody>;

/** GET /v1/health: the host is up; `time` is its clock as an ISO 8601 instant. */
export const HealthReply = z.object({ status: z.literal('ok'), time: Instant });
export type HealthReply = z.infer<typeof HealthReply>;

/**
 * POST /v1/journal-anchors (request) and GET /v1/journal-anchors/latest (reply): the head of the
 * kiosk's electronic journal, so a journal cut short or re-hashed later no longer matches it.
 * The terminal is the request's X-Terminal-Id.
 */
export const JournalAnchor = z.object({
  /** Seq of the last journal record. */
  seq: z.number().int().positive(),
  /** That record's hash: SHA-256, 64 lowercase hex digits. */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
  /** When the kiosk read this head (its clock), an ISO 8601 instant. */
  at: Instant,
});
export type JournalAnchor = z.infer<typeof JournalAnchor>;

/**
 * GET /v1/journal/shipped (reply) and POST /v1/journal/records (reply): the last journal record
 * the host holds for this terminal, so the kiosk ships from the record after it. Seq 0 with the
 * genesis hash (64 zeros) when the host holds none.
 */
export const JournalShipped = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
});
export type JournalShipped = z.infer<typeof JournalShipped>;

/** The most records, and bytes of the request body, one `POST /v1/journal/records` may carry. */
export const MAX_JOURNAL_BATCH_RECORDS = 1000;
export const MAX_JOURNAL_BATCH_BYTES = 256 * 1024;
/** The longest journal line the host takes; a record is far smaller (docs/journal.md). */
export const MAX_JOURNAL_LINE_CHARS = 16 * 1024;

/**
 * POST /v1/journal/records: journal lines exactly as the kiosk stored them (canonical JSON, no
 * newline), in seq order, the first one right after the seq the host holds. The host checks
 * every record and the chain (docs/journal.md) before it stores any.
 */
export const JournalRecordsBatch = z
  .object({
    lines: z
      .array(
        z
          .string()
          .min(2)
          .max(MAX_JOURNAL_LINE_CHARS)
          .refine((line) => !/[\r\n]/.test(line), 'one line, no line break'),
      )
      .min(1)
      .max(MAX_JOURNAL_BATCH_RECORDS),
  })
  .refine((batch) => journalBatchBytes(batch.lines) <= MAX_JOURNAL_BATCH_BYTES, {
    message: `a batch is at most ${MAX_JOURNAL_BATCH_BYTES} bytes`,
    path: ['lines'],
  });
export type JournalRecordsBatch = z.infer<typeof JournalRecordsBatch>;

/** Bytes of the JSON body `{"lines":[...]}` that carries these lines. */
export function journalBatchBytes(lines: readonly string[]): number {
  let bytes = '{"lines":[]}'.length + Math.max(0, lines.length - 1);
  for (const line of lines) bytes += Buffer.byteLength(JSON.stringify(line), 'utf8');
  return bytes;
}
