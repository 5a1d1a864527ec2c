import type { Completion } from '../common/device';

/**
 * A periodic "are you still there?" for a driver whose lost link can go unnoticed while
 * nothing is asked of it (a pad that stopped answering, a line with no hang-up signal).
 * ManagedDevice runs it only while the device is online and idle; any failure counts as a
 * lost link and starts the reopen loop.
 */
export interface HealthCheck<D> {
  /** Time between the end of one check and the start of the next. */
  intervalMs: number;
  /** Must settle by itself (under the driver's own command timeout). */
  check(driver: D): Promise<Completion>;
  /** False while the device is busy for a customer: that round is skipped. Default: idle. */
  idle?(driver: D): boolean;
}
