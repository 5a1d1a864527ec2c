import { parseArgs } from 'node:util';
import { z } from 'zod';

export const SoakOptions = z
  .object({
    sessions: z.number().int().min(1).max(1_000_000).default(1_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(7),
    /** Chance that a fault begins before a session (when nothing else holds its channel). */
    faultRate: z.number().min(0).max(1).default(0.08),
    /** Every session and fault kind at least once, early in the run (the vitest run uses it). */
    everyKind: z.boolean().default(false),
    /** A progress line every this many sessions (0: none). */
    progressEvery: z.number().int().min(0).default(50),
    /** The brain's log level; its logs are scanned for personal data. */
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug']).default('info'),
    /** Keep the soak's folder (journal, logs, config) and print where it is. */
    keep: z.boolean().default(false),
  })
  .strict();
export type SoakOptions = z.infer<typeof SoakOptions>;
export type SoakOptionsInput = z.input<typeof SoakOptions>;

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** `npm run soak -- --sessions 1000 --seed 7 --fault-rate 0.08 --every-kind --progress 50 --keep` */
export function soakOptionsFromArgv(argv: string[]): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sessions: { type: 'string' },
      seed: { type: 'string' },
      'fault-rate': { type: 'string' },
      'every-kind': { type: 'boolean' },
      progress: { type: 'string' },
      'log-level': { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  return SoakOptions.parse({
    sessions: number(values.sessions),
    seed: number(values.seed),
    faultRate: number(values['fault-rate']),
    everyKind: values['every-kind'],
    progressEvery: number(values.progress),
    logLevel: values['log-level'],
    keep: values.keep,
  });
}
