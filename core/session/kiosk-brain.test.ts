import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import type { KioskBrain } from './kiosk-brain';
import { settle, testBrain } from './test-brain.test-helper';
import { FakeHost, FakePrinter, fakeReceipts, SAMPLE_SUMMARY } from './fake-host.test-helper';

const KPJ = SAMPLE_SUMMARY.participant.kpj;

function makeBrain(
  host = new FakeHost(),
  printer: FakePrinter | null = new FakePrinter(),
  requireOtp = false,
) {
  const brain = testBrain({
    host,
    receipts: fakeReceipts(printer),
    requireOtp,
  });
  let view!: SessionView;
  brain.subscribe((v) => (view = v));
  return { brain, host, printer: printer!, view: () => view };
}

function type(brain: KioskBrain, digits: string) {
  for (const digit of digits) brain.send({ type: 'digit', digit });
}

describe('KioskBrain session flow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('walks from attract to a masked balance', async () => {
    const { brain, view } = makeBrain();
    expect(view().screen).toBe('attract');
    brain.send({ type: 'start' });
    expect(view().screen).toBe('enterKpj');
    type(brain, KPJ);
    expect(view().entry).toMatchObject({ field: 'kpj', display: KPJ, complete: true });
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('enterBirthDate');
    type(brain, '29021992');
    expect(view().entry?.display).toBe('29-02-1992');
    brain.send({ type: 'enter' });
    await settle();
    const v = view();
    expect(v.screen).toBe('balance');
    expect(v.balance?.jht.closingBalance).toBe(44_950_000);
    expect(v.balance?.maskedKpj).toBe('*******2128');
    expect(v.balance?.maskedName).toBe('BUDI S******');
    expect(JSON.stringify(v)).not.toContain(KPJ);
    expect(JSON.stringify(v)).not.toContain('SANTOSO');
  });

  it('keeps the KPJ at 11 digits and refuses an incomplete one', () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    type(brain, '123456789012345');
    expect(view().entry?.display).toBe('12345678901');
    brain.send({ type: 'backspace' });
    brain.send({ type: 'enter' });
    expect(view().screen).toBe('enterKpj');
    expect(view().error).toEqual({ code: 'entryIncomplete', missingDigits: 1 });
    brain.send({ type: 'clear' });
    expect(view().entry?.length).toBe(0);
    expect(view().error).toBeNull();
  });

  it('says an unknown KPJ is not found and lets the person try again with the number kept', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    type(brain, '99999999999');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('error');
    expect(view().error?.code).toBe('notFound');
    brain.send({ type: 'back' });
    expect(view().screen).toBe('enterKpj');
    expect(view().entry?.display).toBe('99999999999');
  });

  it('refuses impossible dates without asking the host', async () => {
    const { brain, view, host } = makeBrain();
    brain.send({ type: 'submitKpj', kpj: KPJ });
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    type(brain, '31022000');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('invalidBirthDate');
    expect(host.calls).not.toContain('verify');
  });

  it('counts wrong birth dates down and locks after three', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    for (const left of [2, 1]) {
      type(brain, '01011990');
      brain.send({ type: 'enter' });
      await settle();
      expect(view().screen).toBe('enterBirthDate');
      expect(view().error).toEqual({ code: 'verificationFailed', attemptsLeft: left });
      expect(view().entry?.length).toBe(0);
    }
    type(brain, '01011990');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('locked');
    expect(view().locked?.retryAt).toBeTruthy();

    // A new session with the same KPJ is still locked, without a host call.
    brain.send({ type: 'cancel' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('attract');
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    expect(view().screen).toBe('locked');
  });

  it('tells the person when the host is down', async () => {
    const { brain, view, host } = makeBrain();
    host.failNext = { kind: 'unavailable', detail: 'ECONNREFUSED' };
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    expect(view().screen).toBe('error');
    expect(view().error?.code).toBe('hostUnavailable');
  });

  it.each([false, true])(
    'never shows a balance the host sent for another KPJ (OTP step: %s): a malformed reply',
    async (requireOtp) => {
      const host = new FakeHost();
      const other = { ...SAMPLE_SUMMARY.participant, kpj: '99999999999', name: 'ORANG LAIN' };
      host.balance = async () => ({ ...SAMPLE_SUMMARY, participant: other });
      const { brain, view } = makeBrain(host, new FakePrinter(), requireOtp);
      brain.send({ type: 'start' });
      brain.send({ type: 'submitKpj', kpj: KPJ });
      await settle();
      brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
      await settle();
      if (requireOtp) {
        type(brain, host.otpCode);
        brain.send({ type: 'enter' });
        await settle();
      }
      expect(view().screen).toBe('error');
      expect(view().error?.code).toBe('hostMalformed');
      expect(view().balance).toBeFalsy();
      expect(JSON.stringify(view())).not.toMatch(/ORANG|9999/);
    },
  );

  it('cancel from any step ends with thank-you, then attract with nothing kept', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    type(brain, '2902');
    brain.send({ type: 'cancel' });
    expect(view().screen).toBe('thankYou');
    expect(view().entry).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('attract');
  });

  it('warns 20 s before the idle time-out, lets the person extend, and clears on time-out', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    type(brain, '29021992');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('balance');
    await vi.advanceTimersByTimeAsync(41_000);
    expect(view().idle.warning).toBe(true);
    expect(view().idle.secondsLeft).toBeLessThanOrEqual(20);
    brain.send({ type: 'extendTime' });
    expect(view().idle.warning).toBe(false);
    expect(view().screen).toBe('balance');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(view().screen).toBe('attract');
    expect(view().balance).toBeNull();
    expect(JSON.stringify(view())).not.toContain('2128');
  });

  it('switches language at any step and returns to the default afterwards', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'chooseLanguage', language: 'en' });
    brain.send({ type: 'start' });
    expect(view().language).toBe('en');
    brain.send({ type: 'cancel' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().language).toBe('id');
  });

  async function toBalance() {
    const made = makeBrain();
    made.brain.send({ type: 'start' });
    made.brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    made.brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(made.view().screen).toBe('balance');
    return made;
  }

  it('shows the contribution history with the missing months, from the keypad alone', async () => {
    const { brain, view, host } = await toBalance();
    brain.send({ type: 'digit', digit: '1' });
    await settle();
    expect(view().screen).toBe('history');
    expect(
      view()
        .history?.rows.filter((r) => r.paid)
        .map((r) => r.month),
    ).toEqual(['2026-10', '2026-09', '2026-07', '2026-06']);
    expect(view().history?.missingMonths).toContain('2026-08');
    expect(view().history?.missingMonths).not.toContain('2026-09');
    brain.send({ type: 'enter' });
    expect(view().screen).toBe('balance');
    brain.send({ type: 'showHistory' });
    await settle();
    expect(host.calls.filter((c) => c === 'contributions')).toHaveLength(1);
  });

  it('says so when the history cannot be loaded, and keeps the balance', async () => {
    const { brain, view, host } = await toBalance();
    host.failNext = { kind: 'timeout' };
    brain.send({ type: 'showHistory' });
    await settle();
    expect(view().history).toMatchObject({ failed: true, loading: false, rows: [] });
    brain.send({ type: 'back' });
    expect(view().balance?.jht.closingBalance).toBe(44_950_000);
  });

  it('projects the JHT to age 56 from the participant data, and lets the person change the wage', async () => {
    const { brain, view } = await toBalance();
    brain.send({ type: 'digit', digit: '2' });
    const projection = view().projection!;
    expect(projection).toMatchObject({
      monthlyWage: 5_000_000,
      years: 22,
      currentBalance: 44_950_000,
      yearlyReturn: 0.05,
    });
    expect(projection.series).toHaveLength(22);
    expect(projection.finalBalance).toBe(projection.series.at(-1)!.balance);

    brain.send({ type: 'editProjection', field: 'years' });
    for (const d of '5') brain.send({ type: 'digit', digit: d });
    brain.send({ type: 'enter' });
    brain.send({ type: 'editProjection', field: 'wage' });
    // Prefilled with the current wage; the first digit typed replaces it.
    expect(view().entry).toMatchObject({ field: 'wage', display: 'Rp\u00a05.000.000' });
    for (const d of '5000000') brain.send({ type: 'digit', digit: d });
    brain.send({ type: 'enter' });
    // Starting from a zero balance, this is the published figure; from 44.95 M it adds that grown.
    const expected = Math.round(19_409_470 + 44_950_000 * 1.05 ** 5);
    expect(Math.abs(view().projection!.finalBalance - expected)).toBeLessThanOrEqual(1);
    expect(view().projection!.editing).toBeNull();
  });

  it('refuses a projection of zero years and keeps the previous value', async () => {
    const { brain, view } = await toBalance();
    brain.send({ type: 'showProjection' });
    brain.send({ type: 'editProjection', field: 'years' });
    brain.send({ type: 'digit', digit: '0' });
    brain.send({ type: 'enter' });
    expect(view().projection!.editing).toBe('years');
    brain.send({ type: 'back' });
    expect(view().projection!.years).toBe(22);
  });

  it('prints a receipt, asks to take it, then offers another transaction', async () => {
    const { brain, view, printer } = await toBalance();
    brain.send({ type: 'digit', digit: '3' });
    await settle();
    expect(printer.printed).toHaveLength(1);
    expect(JSON.stringify(printer.printed[0])).toContain('44950000');
    expect(view().screen).toBe('takeReceipt');
    expect(view().receiptReference).toBe('KSK-TEST-01-0001');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('anotherTransaction');
    brain.send({ type: 'answer', yes: true });
    expect(view().screen).toBe('balance');
    brain.send({ type: 'printReceipt' });
    await settle();
    brain.send({ type: 'enter' });
    brain.send({ type: 'answer', yes: false });
    expect(view().screen).toBe('thankYou');
  });

  it('does not offer printing when the printer is out of paper, and says why', async () => {
    const { brain, view, printer } = await toBalance();
    printer.setState({ printer: 'unavailable', printerProblem: 'paperOut' });
    expect(view().devices).toEqual({ printer: 'unavailable', printerProblem: 'paperOut' });
    brain.send({ type: 'printReceipt' });
    await settle();
    expect(view().screen).toBe('balance');
    expect(printer.printed).toHaveLength(0);
  });

  it('explains a print that fails midway and keeps the balance on screen', async () => {
    const { brain, view, printer } = await toBalance();
    printer.outcome = { ok: false, problem: 'paperOut' };
    brain.send({ type: 'printReceipt' });
    await settle();
    expect(view().screen).toBe('printFailed');
    expect(view().printProblem).toBe('paperOut');
    brain.send({ type: 'back' });
    expect(view().screen).toBe('balance');
    expect(view().balance?.jht.closingBalance).toBe(44_950_000);
  });

  it('asks for the one-time code when the policy requires it, with resend after the cool-down', async () => {
    const { brain, view, host } = makeBrain(new FakeHost(), new FakePrinter(), true);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(view().screen).toBe('enterOtp');
    expect(view().otp).toEqual({
      maskedDestination: '****1234',
      resendInSeconds: 30,
      expiresInSeconds: 300,
    });
    expect(host.calls).not.toContain('balance');

    brain.send({ type: 'resendOtp' });
    expect(view().error?.code).toBe('otpTooSoon');

    type(brain, '654321');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('enterOtp');
    expect(view().error).toEqual({ code: 'otpFailed', attemptsLeft: 2 });

    await vi.advanceTimersByTimeAsync(30_000);
    expect(view().otp?.resendInSeconds).toBe(0);
    brain.send({ type: 'resendOtp' });
    await settle();
    expect(host.calls.filter((c) => c === 'sendOtp')).toHaveLength(2);

    type(brain, '123456');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('balance');
    expect(view().otp).toBeNull();
  });

  it("asks for the one-time code when the host's lookup demands it, though the kiosk's policy is off", async () => {
    const host = new FakeHost();
    host.verification = ['birthDate', 'otp'];
    const { brain, view } = makeBrain(host, new FakePrinter(), false);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(view().screen).toBe('enterOtp');
    expect(host.calls).toEqual(['lookup', 'verify', 'sendOtp']);
    type(brain, '123456');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('balance');

    // The next person's lookup asks for the birth date only: no OTP carried over.
    host.verification = ['birthDate'];
    brain.send({ type: 'cancel' });
    await vi.advanceTimersByTimeAsync(10_000);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(view().screen).toBe('balance');
  });

  it('starts and switches language from the keypad alone on the start screen', () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'digit', digit: '2' });
    expect(view().language).toBe('en');
    brain.send({ type: 'digit', digit: '1' });
    expect(view().language).toBe('id');
    brain.send({ type: 'enter' });
    expect(view().screen).toBe('enterKpj');
  });

  it('keeps voice guidance on for one person: 3 on the start screen or # turns it on, the end turns it off', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'digit', digit: '3' });
    expect(view().voice).toEqual({ on: true, repeat: 0 });
    brain.send({ type: 'digit', digit: '3' });
    expect(view().voice.on).toBe(false);
    brain.send({ type: 'voice', command: 'repeat' }); // "#": on first ...
    expect(view().voice).toEqual({ on: true, repeat: 0 });
    brain.send({ type: 'start' });
    brain.send({ type: 'voice', command: 'repeat' }); // ... then say it again
    expect(view().voice).toEqual({ on: true, repeat: 1 });
    type(brain, '3');
    expect(view().voice.on).toBe(true); // a KPJ digit, not the voice key
    expect(view().entry?.length).toBe(1);
    brain.send({ type: 'cancel' });
    // The last words are still spoken ...
    expect(view()).toMatchObject({ screen: 'thankYou', voice: { on: true } });
    await vi.advanceTimersByTimeAsync(5_000);
    // ... and the next person starts without it.
    expect(view()).toMatchObject({ screen: 'attract', voice: { on: false } });
  });

  it('turns voice guidance off on a time-out, and on request', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'voice', command: 'on' });
    brain.send({ type: 'start' });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(view()).toMatchObject({ screen: 'attract', voice: { on: false } });
    brain.send({ type: 'voice', command: 'on' });
    brain.send({ type: 'voice', command: 'off' });
    expect(view().voice.on).toBe(false);
  });

  it('reminds a person who swiped a card to take it when the session ends', async () => {
    const { brain, view } = makeBrain();
    brain.dispatch({ type: 'kpjCaptured', kpj: KPJ, method: 'card' });
    await settle();
    expect(view().screen).toBe('enterBirthDate');
    brain.send({ type: 'cancel' });
    expect(view()).toMatchObject({
      screen: 'thankYou',
      takeCard: true,
      entry: null,
      balance: null,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view()).toMatchObject({ screen: 'attract', takeCard: false });
  });
});

describe('what each step tells the adapters (the machine state tags)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes pin-pad keys on the error and locked screens too, and leaves them by Enter', async () => {
    const host = new FakeHost();
    const { brain, view } = makeBrain(host);
    host.failNext = { kind: 'unavailable', detail: 'down' };
    brain.send({ type: 'start' });
    type(brain, KPJ);
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('error');
    expect(view().step).toEqual({ takesKeys: true, identifying: false, resting: false });
    brain.send({ type: 'enter' });
    expect(view().screen).toBe('enterKpj');

    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    for (const wrong of ['01011990', '02011990', '03011990']) {
      type(brain, wrong);
      brain.send({ type: 'enter' });
      await settle();
    }
    expect(view().screen).toBe('locked');
    expect(view().step.takesKeys).toBe(true);
    brain.send({ type: 'enter' });
    expect(view().screen).toBe('thankYou');
    expect(view().step).toEqual({ takesKeys: true, identifying: false, resting: true });
  });

  it('identifies by card or scan only on the start screen and the KPJ step', async () => {
    const { brain, view } = makeBrain();
    expect(view().step).toEqual({ takesKeys: true, identifying: true, resting: true });
    brain.send({ type: 'start' });
    expect(view().step).toEqual({ takesKeys: true, identifying: true, resting: false });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle();
    expect(view().screen).toBe('enterBirthDate');
    expect(view().step.identifying).toBe(false);
  });
});
