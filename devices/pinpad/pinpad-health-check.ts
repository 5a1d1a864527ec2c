import type { HealthCheck } from '../manager/health-check';
import type { SerialPinPad } from './serial-pinpad';

/** Often enough to find a dead pad before the next customer needs it, rare enough to be free. */
export const PIN_PAD_HEALTH_CHECK_MS = 5000;

/**
 * The pin pad's health check for its ManagedDevice: a status question while no entry is
 * open (during an entry the key traffic and the entry's own timeout show the pad is there).
 */
export function pinPadHealthCheck(intervalMs = PIN_PAD_HEALTH_CHECK_MS): HealthCheck<SerialPinPad> {
  return {
    intervalMs,
    check: (pad) => pad.checkHealth(),
    idle: (pad) => pad.status().entry === 'idle',
  };
}
