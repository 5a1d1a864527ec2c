import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Intent } from '../common/api';
import type { JournalEntryInput } from '../journal/journal-entry';
import { silentLogger } from '../log/logger';
import { hashTechnicianPin, verifyTechnicianPin } from './pin-hash';
import { TechnicianMode, type TechnicianSettings } from './technician-mode';
import type { TechnicianPort } from './technician-port';

let pinHash: string;
beforeAll(async () => {
  pinHash = await hashTechnicianPin('2468');
});

function setup(overrides: Partial<TechnicianSettings> = {}, clock = () => new Date()) {
  const journal: JournalEntryInput[] = [];
  const port: TechnicianPort = {
    devices: () => [
      {
        name: 'printer',
        deviceClass: 'receiptPrinter',
        state: 'online',
        driver: 'escpos',
        transport: 'tcp:127.0.0.1:9100',
        capabilities: [{ name: 'qrCode' }, { name: 'cutter' }],
        portChangeable: false,
        tests: [],
        counters: { receiptsPrinted: 3 },
      },
    ],
    events: () => [],
    info: () => ({
      version: '0.1.0',
      terminalId: 'KSK-TEST-01',
      uptimeSeconds: 5,
      configPath: '(defaults)',
      hostUrl: 'http://127.0.0.1:1',
      journalDir: '/tmp',
      journalFreeBytes: 1,
    }),
    run: vi.fn(async () => ({
      ok: true,
      message: { code: 'testPagePrinted', bytes: 120 } as const,
    })),
  };
  let changes = 0;
  const mode = new TechnicianMode(
    {
      pinHash,
      tapSequence: ['tl', 'tr', 'br', 'bl'],
      tapWindowMs: 5_000,
      maxPinAttempts: 3,
      lockMs: 60_000,
      idleTimeoutMs: 120_000,
      ...overrides,
    },
    {
      port,
      audit: { record: async (entry) => void journal.push(entry) },
      logger: silentLogger(),
      now: clock,
      onChange: () => changes++,
    },
  );
  const send = (...intents: Intent[]) => intents.forEach((intent) => mode.handle(intent));
  const typePin = (pin: string) => {
    for (const digit of pin) send({ type: 'digit', digit });
    send({ type: 'enter' });
  };
  const open = () =>
    (['tl', 'tr', 'br', 'bl'] as const).forEach((corner) => mode.cornerTap(corner));
  return { mode, port, journal, send, typePin, open, changes: () => changes };
}

/** scrypt runs on the thread pool: wait until the mode has an answer. */
const until = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: 5_000 });

describe('technician PIN hash', () => {
  it('verifies the right PIN and nothing else, and never stores the PIN', async () => {
    expect(pinHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(pinHash).not.toContain('2468');
    expect(await verifyTechnicianPin('2468', pinHash)).toBe(true);
    expect(await verifyTechnicianPin('2469', pinHash)).toBe(false);
    expect(await verifyTechnicianPin('2468', 'plain-text')).toBe(false);
  });
});

describe('technician mode', () => {
  afterEach(() => vi.useRealTimers());

  it('opens only with the corner sequence in order, then asks for the PIN', () => {
    const { mode } = setup();
    (['tl', 'tr', 'bl', 'br'] as const).forEach((corner) => mode.cornerTap(corner));
    expect(mode.active).toBe(false);
    (['tl', 'tr', 'br', 'bl'] as const).forEach((corner) => mode.cornerTap(corner));
    expect(mode.active).toBe(true);
    expect(mode.screen()).toBe('technicianPin');
  });

  it('opens the PIN prompt for a technician card, and the card alone is not enough', async () => {
    const { mode, typePin, journal } = setup();
    mode.cardEntry('2344');
    expect(mode.screen()).toBe('technicianPin');
    typePin('1357');
    await until(() => mode.view('en').pinError?.attemptsLeft === 2);
    expect(mode.screen()).toBe('technicianPin');
    typePin('2468');
    await until(() => mode.screen() === 'technician');
    expect(journal.map((e) => e.data)).toEqual([
      { action: 'entryRequested', detail: 'card ****2344' },
      { action: 'pinFailed' },
      { action: 'enter' },
    ]);
  });

  it('stays closed when no PIN hash is configured', () => {
    const { mode, open } = setup({ pinHash: null });
    open();
    expect(mode.active).toBe(false);
  });

  it('shows diagnostics after the right PIN, runs tests and journals every step', async () => {
    const { mode, open, typePin, send, journal, port } = setup();
    open();
    typePin('2468');
    await until(() => mode.screen() === 'technician');
    expect(mode.view('en').devices[0]).toMatchObject({
      name: 'printer',
      counters: { receiptsPrinted: 3 },
    });
    expect(mode.view('en').info?.terminalId).toBe('KSK-TEST-01');
    send({ type: 'technicianAction', action: 'printTestPage', device: 'printer' });
    await until(() => mode.view('en').lastResult !== null);
    expect(port.run).toHaveBeenCalledWith('printTestPage', 'printer');
    expect(mode.view('en').lastResult).toEqual({
      action: 'printTestPage',
      ok: true,
      detail: 'Test page printed (120 bytes).',
    });
    send({ type: 'technicianAction', action: 'exit' });
    expect(mode.active).toBe(false);
    expect(journal.map((e) => (e.data as { action: string }).action)).toEqual([
      'entryRequested',
      'enter',
      'printTestPage',
      'exit',
    ]);
    expect(JSON.stringify(journal)).not.toContain('2468');
  });

  it("words a test's result in the screen's language and shows times in the configured zone", async () => {
    const { mode, open, typePin, send } = setup({ timeZone: 'Asia/Makassar' });
    open();
    typePin('2468');
    await until(() => mode.screen() === 'technician');
    send({ type: 'technicianAction', action: 'printTestPage', device: 'printer' });
    await until(() => mode.view('id').lastResult !== null);
    expect(mode.view('id').lastResult?.detail).toBe('Halaman tes tercetak (120 byte).');
    expect(mode.view('en').lastResult?.detail).toBe('Test page printed (120 bytes).');
    expect(mode.view('id')).toMatchObject({ timeZone: 'Asia/Makassar', timeZoneLabel: 'WITA' });
  });

  it('counts wrong PINs, locks out after three, and takes the right PIN again once the lock ends', async () => {
    let now = Date.parse('2025-03-01T08:00:00Z');
    const { mode, open, typePin, journal } = setup({ lockMs: 60_000 }, () => new Date(now));
    const actions = () => journal.map((e) => (e.data as { action: string }).action);
    open();
    typePin('1111');
    await until(() => mode.view('en').pinError?.attemptsLeft === 2);
    typePin('2222');
    await until(() => mode.view('en').pinError?.attemptsLeft === 1);
    typePin('3333');
    await until(() => mode.view('en').lockedUntil !== null);
    expect(mode.view('en').lockedUntil).toBe('2025-03-01T08:01:00.000Z');

    // Locked: the right PIN is not even checked. A check would show at once as busy (it is set
    // before the hash runs) and the digits would be counted; neither happens.
    typePin('2468');
    expect(mode.view('en')).toMatchObject({ busy: false, pinLength: 0 });
    expect(mode.screen()).toBe('technicianPin');

    // One second before the end it is still locked; at the end the same PIN opens.
    now += 59_000;
    typePin('2468');
    expect(mode.view('en')).toMatchObject({ busy: false, pinLength: 0 });
    now += 1_000;
    expect(mode.view('en').lockedUntil).toBeNull();
    typePin('2468');
    expect(mode.view('en').busy).toBe(true);
    await until(() => mode.screen() === 'technician');
    // Nothing was verified while locked: the one 'enter' follows the lock directly.
    expect(actions()).toEqual([
      'entryRequested',
      'pinFailed',
      'pinFailed',
      'pinFailed',
      'locked',
      'enter',
    ]);
  });

  it('leaves by itself after the idle time', async () => {
    const { mode, open } = setup({ idleTimeoutMs: 1_000 });
    vi.useFakeTimers();
    open();
    expect(mode.active).toBe(true);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(mode.active).toBe(false);
  });
});
