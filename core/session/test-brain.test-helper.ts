import { silentLogger } from '../log/logger';
import { FakeHost, FakePrinter, fakeReceipts } from './fake-host.test-helper';
import { KioskBrain, type KioskBrainOptions } from './kiosk-brain';
import { LockoutRegistry } from './lockout-registry';

/**
 * A brain for the session tests on fakes: a fake host and printer, 3 birth-date attempts, a
 * 60 s idle timeout with a 20 s warning, no OTP; each test overrides only what it is about.
 */
export function testBrain(overrides: Partial<KioskBrainOptions> = {}): KioskBrain {
  return new KioskBrain({
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
}
