import type { FdkKey, SessionView } from '../common/api';

/**
 * Where each configured FDK sits beside the screen: 1-4 down the left edge, 5-8 down the right
 * (the usual ATM layout, A-D and F-I), so the screen can label each key where it is.
 */
export function fdkLayout(fdks: Partial<Record<string, FdkKey>>): SessionView['fdks'] {
  return Object.entries(fdks)
    .filter((entry): entry is [string, FdkKey] => entry[1] !== undefined)
    .map(([number, key]) => {
      const fdk = Number(number);
      return { fdk, side: fdk <= 4 ? 'left' : 'right', row: ((fdk - 1) % 4) + 1, key } as const;
    })
    .sort((a, b) => a.fdk - b.fdk);
}
