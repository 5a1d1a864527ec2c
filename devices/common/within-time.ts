/** The error `withinTime` rejects with when the time ran out first. */
export class TimedOut extends Error {}

/**
 * Settles like `promise`, or rejects with `TimedOut(message)` after `ms`: for I/O that a device
 * can leave hanging (a write to a printer that stopped taking data). The promise itself is not
 * stopped; the caller drops the link it waits on.
 */
export function withinTime<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
