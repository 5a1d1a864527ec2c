import { DEFAULT_BRANDING } from './branding';
import type { SessionView } from './view';

/** A valid snapshot of the attract screen for tests of transports; overrides vary it. */
export function attractView(seq: number, overrides: Partial<SessionView> = {}): SessionView {
  return {
    seq,
    screen: 'attract',
    language: 'id',
    entry: null,
    error: null,
    identity: null,
    bankCard: null,
    pin: null,
    accounts: null,
    locked: null,
    otp: null,
    receiptReference: null,
    printProblem: null,
    busy: false,
    takeCard: false,
    handBack: false,
    balance: null,
    history: null,
    projection: null,
    step: { takesKeys: true, identifying: true, resting: true },
    idle: { secondsLeft: null, warning: false },
    devices: { printer: 'ready' },
    voice: { on: false, repeat: 0 },
    terminalId: 'KSK-TEST-01',
    identifyBy: { card: false, scanner: false, bankCard: false },
    fdks: [],
    clock: { timeZone: 'Asia/Jakarta', label: 'WIB' },
    branding: DEFAULT_BRANDING,
    technician: null,
    menu: null,
    print: { canPrint: true, reason: null, notice: null },
    ...overrides,
  };
}
