import { vi } from 'vitest';
import { silentLogger } from '../log/logger';
import { FakeHost, FakePrinter, fakeReceipts } from './fake-host.test-helper';
import { KioskBrain, type KioskBrainOptions } from './kiosk-brain';
import { LockoutRegistry } from './lockout-registry';

/**
 * A brain for the session tests on fakes: a fake host and printer, 3 birth-date attempts, a
 * 60 s idle timeout with a 20 s warning, no OTP; each test overrides only what it is about.
 */
export function testBrain(overrides: Partial<KioskBrainOptions> = {}): KioskBrain {
  const brain = new KioskBrain({
    host: new FakeHost(),
    receipts: fakeReceipts(new FakePrinter()),
    logger: silentLogger(),
    now: () => new Date(),
    lockouts: new LockoutRegistry(15 * 60_000),
    maxBirthDateAttempts: 3,
    requireOtp: false,
    thankYouMs: 5_000,
    terminalId: 'KSK-TEST-01',
    defaultLanguage: 'id',
    idleTimeoutMs: 60_000,
    idleWarningMs: 20_000,
    ...overrides,
  });
  brain.subscribe(() => (published += 1));
  return brain;
}

/** Every view any test brain has published: what settle() watches. */
let published = 0;

/** Rounds in a row with nothing new before settle() calls it quiet, and its bound. */
const QUIET_ROUNDS = 20;
const MAX_ROUNDS = 1_000;

/**
 * Under fake timers, without moving the clock: lets the host, printer and journal promise chains
 * run to the end, until nothing new has been published (no view from any test brain, no change
 * in what `counters` count, e.g. journal entries) for QUIET_ROUNDS rounds in a row. Throws when
 * it does not get quiet within MAX_ROUNDS, so a runaway flow fails instead of being cut short.
 */
export async function settle(...counters: Array<() => number>): Promise<void> {
  const progress = () => [published, ...counters.map((count) => count())].join(',');
  let seen = progress();
  let quiet = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await vi.advanceTimersByTimeAsync(0);
    const now = progress();
    quiet = now === seen ? quiet + 1 : 0;
    seen = now;
    if (quiet >= QUIET_ROUNDS) return;
  }
  throw new Error(`still publishing after ${MAX_ROUNDS} rounds`);
}
