/**
 * What became of a promise within `boundMs`: `settled` (resolved), `failed: <message>`, or
 * `pending` when the bound ran out first. For tests that prove an operation cannot hang.
 */
export function settleOutcome(promise: Promise<unknown>, boundMs: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('pending'), boundMs);
  });
  return Promise.race([
    promise.then(
      () => 'settled',
      (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
    pending,
  ]).finally(() => clearTimeout(timer));
}
