/** What kiosk-diag's exit status means; documented in docs/kiosk-diag.md. */
export const EXIT = {
  ok: 0,
  /** The check ran and found a problem (tampered journal, paper out, host unhealthy). */
  problems: 1,
  /** Bad command line or configuration file. */
  usage: 2,
  /** The device or host could not be reached at all. */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure that ends the command with a meaningful exit code and a message for the technician. */
export class DiagError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'DiagError';
  }
}

export const usageError = (message: string) => new DiagError(message, EXIT.usage);
export const unreachableError = (message: string) => new DiagError(message, EXIT.unreachable);
