import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import { formatBirthDateEntry } from '../common/domain/birth-date';
import { FakeHost, SAMPLE_SUMMARY } from './fake-host.test-helper';
import type { KioskBrain } from './kiosk-brain';
import { settle, testBrain } from './test-brain.test-helper';

const KPJ = SAMPLE_SUMMARY.participant.kpj;
const UNKNOWN = '99999999999';
/** Pinned, so "today" and the ages in these tests do not move. */
const NOW = new Date('2026-12-02T03:00:00Z');

function makeBrain(host = new FakeHost(), requireOtp = false, now = NOW) {
  const brain = testBrain({
    host,
    now: () => new Date(now),
    timeZone: 'Asia/Jakarta',
    requireOtp,
  });
  let view!: SessionView;
  const views: SessionView[] = [];
  brain.subscribe((v) => {
    view = v;
    views.push(v);
  });
  return { brain, host, view: () => view, views };
}

function type(brain: KioskBrain, digits: string) {
  for (const digit of digits) brain.send({ type: 'digit', digit });
}

async function toBirthDate(made = makeBrain()) {
  made.brain.send({ type: 'start' });
  type(made.brain, KPJ);
  made.brain.send({ type: 'enter' });
  await settle();
  expect(made.view().screen).toBe('enterBirthDate');
  return made;
}

async function toProjection(host = new FakeHost()) {
  const made = await toBirthDate(makeBrain(host));
  made.brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
  await settle();
  made.brain.send({ type: 'showProjection' });
  expect(made.view().screen).toBe('projection');
  return made;
}

describe('the kiosk keeps what was typed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('Coba Lagi after an unknown KPJ brings the number back; the error screen shows it masked only', async () => {
    const { brain, view } = makeBrain();
    brain.send({ type: 'start' });
    type(brain, UNKNOWN);
    brain.send({ type: 'enter' });
    await settle();
    expect(view()).toMatchObject({
      screen: 'error',
      error: { code: 'notFound' },
      identity: { maskedKpj: '*******9999', method: 'keypad' },
    });
    expect(JSON.stringify(view())).not.toContain(UNKNOWN);
    brain.send({ type: 'back' });
    expect(view().entry).toMatchObject({ field: 'kpj', display: UNKNOWN, complete: true });
    expect(view().error).toBeNull();
    // One digit corrected, and on.
    brain.send({ type: 'backspace' });
    type(brain, '8');
    expect(view().entry?.display).toBe('99999999998');
  });

  it('Coba Lagi after a host outage keeps the KPJ typed', async () => {
    const host = new FakeHost();
    host.failNext = { kind: 'unavailable', detail: 'ECONNREFUSED' };
    const { brain, view } = makeBrain(host);
    brain.send({ type: 'start' });
    type(brain, KPJ);
    brain.send({ type: 'enter' });
    await settle();
    expect(view().error?.code).toBe('hostUnavailable');
    brain.send({ type: 'enter' });
    expect(view().entry?.display).toBe(KPJ);
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('enterBirthDate');
  });

  it('Kembali from the birth date returns to the KPJ typed, without the birth-date digits', async () => {
    const { brain, view } = await toBirthDate();
    expect(view().identity).toEqual({ maskedKpj: '*******2128', method: 'keypad' });
    type(brain, '2902');
    brain.send({ type: 'back' });
    expect(view().screen).toBe('enterKpj');
    expect(view().entry).toMatchObject({ display: KPJ, length: 11 });
    expect(view().identity).toBeNull();
  });

  it('shows the full KPJ on the KPJ step only, across a session with a retry and a way back', async () => {
    const host = new FakeHost();
    host.failNext = { kind: 'timeout' };
    const made = makeBrain(host);
    const { brain } = made;
    brain.send({ type: 'start' });
    type(brain, KPJ);
    brain.send({ type: 'enter' });
    await settle();
    brain.send({ type: 'back' });
    brain.send({ type: 'enter' });
    await settle();
    brain.send({ type: 'back' });
    brain.send({ type: 'enter' });
    await settle();
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(made.view().screen).toBe('balance');
    const screens = new Set(made.views.map((v) => v.screen));
    expect([...screens]).toEqual(
      expect.arrayContaining(['enterKpj', 'loading', 'error', 'enterBirthDate', 'balance']),
    );
    const leaking = made.views.filter((v) => JSON.stringify(v).includes(KPJ));
    expect(leaking.length).toBeGreaterThan(0);
    expect(new Set(leaking.map((v) => v.screen))).toEqual(new Set(['enterKpj']));
  });

  it('a swiped card is confirmed masked, and never shown in full when the person comes back', async () => {
    const { brain, view } = makeBrain();
    brain.dispatch({ type: 'kpjCaptured', kpj: KPJ, method: 'card' });
    expect(view()).toMatchObject({
      screen: 'loading',
      identity: { maskedKpj: '*******2128', method: 'card' },
    });
    await settle();
    expect(view()).toMatchObject({ screen: 'enterBirthDate', identity: { method: 'card' } });
    brain.send({ type: 'back' });
    expect(view().entry?.length).toBe(0);
    expect(JSON.stringify(view())).not.toContain(KPJ);
  });
});

describe('birth dates are checked before a verification attempt is spent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("today's date says an age the programme allows, asks no host, and leaves 3 attempts", async () => {
    const { brain, view, host } = await toBirthDate();
    type(brain, '02122026');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().error).toEqual({
      code: 'birthDateAgeOutOfRange',
      bounds: { min: 15, max: 100 },
    });
    expect(host.calls).not.toContain('verify');
    // The next real but wrong date is the first attempt spent: 2 left of 3.
    brain.send({ type: 'clear' });
    type(brain, '01011990');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().error).toEqual({ code: 'verificationFailed', attemptsLeft: 2 });
  });

  it.each([
    ['31022000', { code: 'invalidBirthDate' }],
    ['03122026', { code: 'birthDateInFuture' }],
    ['01011900', { code: 'birthDateAgeOutOfRange', bounds: { min: 15, max: 100 } }],
  ])('%s gets its own message, locally', async (typed, error) => {
    const { brain, view, host } = await toBirthDate();
    type(brain, typed);
    brain.send({ type: 'enter' });
    expect(view().error).toEqual(error);
    brain.send({ type: 'submitBirthDate', birthDate: formatBirthDateEntry(typed) });
    expect(view().error).toEqual(error);
    expect(host.calls).toEqual(['lookup']);
  });

  it("knows today in the kiosk's time zone: at 01:00 WIB today's date is not in the future", async () => {
    const { brain, view } = await toBirthDate(
      makeBrain(new FakeHost(), false, new Date('2026-12-01T18:00:00Z')),
    );
    type(brain, '02122026');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('birthDateAgeOutOfRange');
    brain.send({ type: 'clear' });
    type(brain, '03122026');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('birthDateInFuture');
  });

  it('the error clears on new input', async () => {
    const { brain, view } = await toBirthDate();
    type(brain, '31022000');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('invalidBirthDate');
    brain.send({ type: 'backspace' });
    expect(view().error).toBeNull();
    type(brain, '1');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('invalidBirthDate');
    type(brain, '1');
    expect(view().error).toBeNull();
  });
});

describe('Lanjut on an entry step that is not complete says what is missing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('KPJ, birth date and OTP: how many digits are missing', async () => {
    const { brain, view, host } = makeBrain(new FakeHost(), true);
    brain.send({ type: 'start' });
    type(brain, '12345');
    brain.send({ type: 'enter' });
    expect(view().error).toEqual({ code: 'entryIncomplete', missingDigits: 6 });
    type(brain, KPJ.slice(5));
    brain.send({ type: 'enter' });
    await settle();
    type(brain, '2902');
    brain.send({ type: 'enter' });
    expect(view().error).toEqual({ code: 'entryIncomplete', missingDigits: 4 });
    type(brain, '1992');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('enterOtp');
    type(brain, host.otpCode.slice(0, 5));
    brain.send({ type: 'enter' });
    expect(view().error).toEqual({ code: 'entryIncomplete', missingDigits: 1 });
  });

  it('the missing-digits message goes with the next key on the KPJ and OTP steps too', async () => {
    const { brain, view } = makeBrain(new FakeHost(), true);
    brain.send({ type: 'start' });
    type(brain, '12345');
    brain.send({ type: 'enter' });
    expect(view().error?.code).toBe('entryIncomplete');
    brain.send({ type: 'backspace' });
    expect(view().error).toBeNull();
    brain.send({ type: 'clear' });
    type(brain, KPJ);
    brain.send({ type: 'enter' });
    await settle();
    type(brain, '29021992');
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('enterOtp');
    for (const key of [
      { type: 'digit', digit: '1' },
      { type: 'backspace' },
      { type: 'clear' },
    ] as const) {
      type(brain, '123');
      brain.send({ type: 'enter' });
      expect(view().error?.code).toBe('entryIncomplete');
      brain.send(key);
      expect(view().error, `after ${key.type}`).toBeNull();
      brain.send({ type: 'clear' });
    }
  });

  it('wage and years: an empty field says so', async () => {
    const { brain, view } = await toProjection();
    for (const field of ['wage', 'years'] as const) {
      brain.send({ type: 'editProjection', field });
      brain.send({ type: 'clear' });
      brain.send({ type: 'enter' });
      expect(view().error).toEqual({ code: 'entryIncomplete' });
      expect(view().projection?.editing).toBe(field);
      brain.send({ type: 'back' });
    }
  });
});

describe('the projection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the wage as rupiah while typed, prefilled with the current one, replaced by the first digit', async () => {
    const { brain, view } = await toProjection();
    brain.send({ type: 'editProjection', field: 'wage' });
    expect(view().entry).toMatchObject({ field: 'wage', display: 'Rp\u00a05.000.000' });
    type(brain, '75');
    expect(view().entry?.display).toBe('Rp\u00a075');
    type(brain, '00000');
    expect(view().entry?.display).toBe('Rp\u00a07.500.000');
    brain.send({ type: 'enter' });
    expect(view().projection).toMatchObject({ monthlyWage: 7_500_000, editing: null });
  });

  it('refuses Rp 99 and Rp 9.999.999.999 with the limits, and keeps what was typed', async () => {
    const { brain, view } = await toProjection();
    brain.send({ type: 'editProjection', field: 'wage' });
    type(brain, '99');
    brain.send({ type: 'enter' });
    const bounds = { min: 1_000_000, max: 100_000_000 };
    expect(view().error).toEqual({ code: 'wageOutOfRange', bounds });
    expect(view().entry?.display).toBe('Rp\u00a099');
    brain.send({ type: 'clear' });
    type(brain, '9999999999');
    brain.send({ type: 'enter' });
    expect(view().error).toEqual({ code: 'wageOutOfRange', bounds });
    brain.send({ type: 'back' });
    expect(view().projection?.monthlyWage).toBe(5_000_000);
    expect(view().projection?.limits.wage).toEqual(bounds);
  });

  it("takes a participant's own wage above Rp 100 juta as it is: the prefilled wage applies", async () => {
    const host = new FakeHost();
    host.summary = {
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, currentWage: 150_000_000 },
    };
    const { brain, view } = await toProjection(host);
    expect(view().projection?.limits.wage).toEqual({ min: 1_000_000, max: 150_000_000 });
    brain.send({ type: 'editProjection', field: 'wage' });
    expect(view().entry?.display).toBe('Rp\u00a0150.000.000');
    brain.send({ type: 'enter' });
    expect(view().error).toBeNull();
    expect(view().projection).toMatchObject({ editing: null, monthlyWage: 150_000_000 });
  });

  it('runs to the retirement age at most and says the age reached', async () => {
    const { brain, view } = await toProjection();
    // SAMPLE_SUMMARY's participant is 34: 22 years to 56.
    expect(view().projection).toMatchObject({ years: 22, ageAtEnd: 56, retirementAge: 56 });
    expect(view().projection?.limits.years).toEqual({ min: 1, max: 22 });
    brain.send({ type: 'editProjection', field: 'years' });
    expect(view().entry?.display).toBe('22');
    type(brain, '30');
    brain.send({ type: 'enter' });
    expect(view().error).toEqual({ code: 'yearsOutOfRange', bounds: { min: 1, max: 22 } });
    brain.send({ type: 'backspace' });
    brain.send({ type: 'enter' });
    expect(view().projection).toMatchObject({ years: 3, ageAtEnd: 37 });
    expect(view().projection?.series).toHaveLength(3);
  });

  it('at the retirement age there is nothing to project and no period to change', async () => {
    const host = new FakeHost();
    const retired = {
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, age: 58 },
    };
    host.balance = async () => retired;
    const { brain, view } = await toProjection(host);
    expect(view().projection).toMatchObject({
      years: 0,
      ageAtEnd: 58,
      series: [],
      finalBalance: SAMPLE_SUMMARY.jht.closingBalance,
      limits: { years: { min: 1, max: 0 } },
    });
    brain.send({ type: 'editProjection', field: 'years' });
    type(brain, '2');
    expect(view().projection?.editing).toBeNull();
  });

  it("an inactive member's starts with no contributions and says so; typing a wage adds them", async () => {
    const host = new FakeHost();
    const inactive = {
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, membershipStatus: 'inactive' as const },
    };
    host.balance = async () => inactive;
    const { brain, view } = await toProjection(host);
    expect(view().projection).toMatchObject({
      monthlyWage: 0,
      totalContributions: 0,
      contributionsStopped: true,
    });
    // The edit field proposes the last wage paid.
    brain.send({ type: 'editProjection', field: 'wage' });
    expect(view().entry?.display).toBe('Rp\u00a05.000.000');
    brain.send({ type: 'enter' });
    expect(view().projection).toMatchObject({
      monthlyWage: 5_000_000,
      contributionsStopped: false,
    });
    expect(view().projection!.totalContributions).toBeGreaterThan(0);
  });
});

describe('a card or scan that carries no KPJ', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is said on the start screen for a while, then the start screen is clean again', async () => {
    const { brain, view } = makeBrain();
    brain.dispatch({ type: 'identificationRejected', reason: 'cardNotKpj' });
    expect(view()).toMatchObject({ screen: 'attract', error: { code: 'cardNotKpj' } });
    await vi.advanceTimersByTimeAsync(9_000);
    brain.dispatch({ type: 'identificationRejected', reason: 'cardUnreadable' });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(view().error).toEqual({ code: 'cardUnreadable' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(view().error).toBeNull();
    expect(view().screen).toBe('attract');
  });

  it('is said on the KPJ step, keeps what was typed, and clears with the next digit', () => {
    const { brain, view } = makeBrain();
    brain.dispatch({ type: 'identificationRejected', reason: 'cardNotKpj' });
    brain.send({ type: 'start' });
    expect(view().error).toBeNull();
    type(brain, '1234');
    brain.dispatch({ type: 'identificationRejected', reason: 'scanNotKpj' });
    expect(view()).toMatchObject({ error: { code: 'scanNotKpj' }, entry: { display: '1234' } });
    type(brain, '5');
    expect(view().error).toBeNull();
  });
});
