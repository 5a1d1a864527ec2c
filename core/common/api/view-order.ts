/** Where a view comes from: the brain instance (random per brain start) and its number there. */
export interface ViewStamp {
  epoch: string;
  seq: number;
}

/**
 * Whether a view should replace the one on screen: always for another brain instance (a restarted
 * brain counts from 0 again and must win at once), otherwise only a higher number (an older or
 * repeated snapshot of the same brain is stale). The one rule for both transports.
 */
export function isNewerView(last: ViewStamp | null, next: ViewStamp): boolean {
  return last === null || next.epoch !== last.epoch || next.seq > last.seq;
}
