import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import type { ServiceStatus, ServiceStatusSource } from '../common/service-status';
import type { BankCardPort, PinEntryEnd } from './bank-card-port';
import { JournalEntry, type JournalEntryInput } from '../journal/journal-entry';
import { createLogger } from '../log/logger';
import { FakeHost, SAMPLE_SUMMARY } from './fake-host.test-helper';
import { settle, testBrain } from './test-brain.test-helper';

/** The card as the brain knows it (its last four digits), and as the desk names it to the bank. */
const CARD = { maskedPan: '************0010' };
const CARD_REFERENCE = '476173******0010';
const GOOD_BLOCK = '0412AC89ABCDEF01';
const BAD_BLOCK = 'FFFFFFFFFFFFFFFF';

/** A held bank card: the test types the PIN (as a block) and decides whether the card is taken. */
class FakeBankCards implements BankCardPort {
  typed: ((end: PinEntryEnd) => void) | null = null;
  digits: ((count: number) => void) | null = null;
  takes = true;
  returned = 0;
  retained = 0;
  forgotten = 0;
  held = true;
  holdsCard() {
    return this.held;
  }

  enterPin(onDigits: (count: number) => void): Promise<PinEntryEnd> {
    this.digits = onDigits;
    return new Promise((resolve) => (this.typed = resolve));
  }
  type(pinBlock: string) {
    for (const count of [1, 2, 3, 4]) this.digits!(count);
    this.typed!({
      ok: true,
      pin: { cardReference: CARD_REFERENCE, format: 'iso4', pinBlock, ksn: 'A'.repeat(24) },
    });
  }
  private handBack: (() => void) | null = null;
  /** The person takes the card at the slot (or walks away: `takes` false, it is retained). */
  take() {
    this.handBack?.();
  }
  /** The reader cannot give the card back (jammed). */
  stuck = false;
  async returnCard() {
    this.returned += 1;
    if (this.stuck) return 'failed' as const;
    await new Promise<void>((resolve) => (this.handBack = resolve));
    if (this.takes) return 'taken' as const;
    this.retained += 1;
    return 'retained' as const;
  }
  async retainCard() {
    this.retained += 1;
    return 'retained' as const;
  }
  forget() {
    this.forgotten += 1;
  }
}

/** Holds the host's next answers to `method` until the returned function lets them go. */
function holdAnswer(host: FakeHost, method: 'verifyBankCard' | 'balance'): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const answer = (host[method] as (...args: unknown[]) => Promise<unknown>).bind(host);
  (host as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    await gate;
    return answer(...args);
  };
  return () => release();
}

class Sink {
  entries: JournalEntryInput[] = [];
  async record(entry: JournalEntryInput) {
    JournalEntry.parse(entry);
    this.entries.push(entry);
  }
}

function atm(
  host = new FakeHost(),
  options: { handOff?: boolean; service?: ServiceStatusSource } = {},
) {
  const cards = new FakeBankCards();
  const sink = new Sink();
  // Every log line the brain writes, at debug, to look for card data in.
  const logged: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => logged.push(line) },
  });
  const brain = testBrain({
    profile: 'atm',
    bankCards: cards,
    host,
    audit: sink,
    logger,
    ...options,
  });
  const views: SessionView[] = [];
  brain.subscribe((view) => views.push(view));
  const view = () => views.at(-1)!;
  const insert = async () => {
    brain.dispatch({ type: 'bankCardInserted', ...CARD });
    await settle(() => sink.entries.length);
  };
  const typePin = async (block = GOOD_BLOCK) => {
    cards.type(block);
    await settle(() => sink.entries.length);
  };
  const takeCard = async () => {
    expect(views.at(-1)!.screen).toBe('takeCard');
    cards.take();
    await settle(() => sink.entries.length);
  };
  return { brain, cards, host, sink, views, view, insert, typePin, takeCard, logged };
}

describe('the ATM profile: bank card and PIN to the balance', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('card, PIN, card taken, balance: the card comes back before the balance', async () => {
    const { view, views, insert, typePin, cards, host, sink, takeCard } = atm();
    await insert();
    expect(view()).toMatchObject({
      screen: 'enterPin',
      pin: { digits: 0 },
      bankCard: { maskedPan: CARD.maskedPan },
    });
    await typePin();
    await takeCard();
    expect(views.some((v) => v.screen === 'enterPin' && v.pin?.digits === 4)).toBe(true);
    expect(host.bankRequests).toEqual([
      {
        cardReference: CARD_REFERENCE,
        format: 'iso4',
        pinBlock: GOOD_BLOCK,
        ksn: 'A'.repeat(24),
      },
    ]);
    expect(cards.returned).toBe(1);
    const screens = views.map((v) => v.screen);
    expect(screens.indexOf('takeCard')).toBeLessThan(screens.indexOf('balance'));
    expect(view()).toMatchObject({
      screen: 'balance',
      bankCard: null,
      balance: { maskedKpj: '*******2128' },
    });
    expect(sink.entries.map((e) => e.type)).toEqual([
      'sessionStarted',
      'identified',
      'verificationResult',
      'balanceDisplayed',
    ]);
    expect(sink.entries[1]!.data).toMatchObject({ method: 'bankCard', kpjLast4: '2128' });
  });

  it('no view, journal record or log carries the PIN block, the card reference or a card number', async () => {
    const { views, insert, typePin, sink, takeCard, logged } = atm();
    await insert();
    await typePin(BAD_BLOCK);
    await typePin();
    await takeCard();
    expect(logged.length).toBeGreaterThan(0);
    const seen = JSON.stringify(views) + JSON.stringify(sink.entries) + logged.join('');
    for (const secret of [GOOD_BLOCK, BAD_BLOCK, CARD_REFERENCE, '476173', 'A'.repeat(24)])
      expect(seen).not.toContain(secret);
  });

  it('a wrong PIN asks again with the attempts left; the last try retains the card', async () => {
    const { view, insert, typePin, cards, sink } = atm();
    await insert();
    await typePin(BAD_BLOCK);
    expect(view()).toMatchObject({
      screen: 'enterPin',
      error: { code: 'pinWrong', attemptsLeft: 2 },
    });
    await typePin(BAD_BLOCK);
    expect(view().error).toMatchObject({ attemptsLeft: 1 });
    await typePin(BAD_BLOCK);
    expect(view()).toMatchObject({ screen: 'cardRetained', error: { code: 'pinTriesExceeded' } });
    expect(cards.retained).toBe(1);
    expect(cards.returned).toBe(0);
    expect(sink.entries.filter((e) => e.type === 'cardRetained').map((e) => e.data)).toEqual([
      expect.objectContaining({ reason: 'pinTriesExceeded' }),
    ]);
  });

  it('a blocked card is retained and the person is told to call the bank', async () => {
    const host = new FakeHost();
    host.failNext = { kind: 'cardBlocked' };
    const { view, insert, typePin, cards } = atm(host);
    await insert();
    await typePin();
    expect(view()).toMatchObject({ screen: 'cardRetained', error: { code: 'cardBlocked' } });
    expect(cards.retained).toBe(1);
  });

  it('no KPJ linked: the card comes back first, then where to register', async () => {
    const host = new FakeHost();
    host.failNext = { kind: 'noKpjLinked' };
    const { view, views, insert, typePin, cards, takeCard } = atm(host);
    await insert();
    await typePin();
    await takeCard();
    expect(cards.returned).toBe(1);
    expect(views.map((v) => v.screen)).toContain('takeCard');
    expect(view()).toMatchObject({ screen: 'error', error: { code: 'noKpjLinked' } });
  });

  it('the bank link down: card returned, the error said, and the visit ends on Enter', async () => {
    const host = new FakeHost();
    host.failNext = { kind: 'unavailable', detail: 'HTTP 503' };
    const { brain, view, insert, typePin, cards, host: bank, takeCard } = atm(host);
    await insert();
    await typePin();
    await takeCard();
    expect(view()).toMatchObject({ screen: 'error', error: { code: 'hostUnavailable' } });
    expect(cards.returned).toBe(1);
    // No automatic retry of a verification.
    expect(bank.calls.filter((call) => call === 'verifyBankCard')).toHaveLength(1);
    brain.send({ type: 'enter' });
    await settle();
    expect(view().screen).toBe('thankYou');
  });

  it('two linked KPJ: both listed masked with the employer, a digit picks one', async () => {
    const host = new FakeHost();
    host.linkedAccounts = [
      {
        maskedKpj: '*******4321',
        employer: 'PT LAIN',
        membershipStatus: 'inactive',
        token: 'token-other-0123456789',
      },
      ...host.linkedAccounts,
    ];
    const { brain, view, insert, typePin, cards, takeCard } = atm(host);
    await insert();
    await typePin();
    expect(view()).toMatchObject({
      screen: 'chooseAccount',
      accounts: [
        { maskedKpj: '*******4321', employer: 'PT LAIN', membershipStatus: 'inactive' },
        { maskedKpj: '*******2128', employer: 'PT MAJU BERSAMA', membershipStatus: 'active' },
      ],
    });
    expect(JSON.stringify(view())).not.toContain('token-');
    brain.send({ type: 'digit', digit: '3' });
    await settle();
    expect(view().screen).toBe('chooseAccount');
    brain.send({ type: 'digit', digit: '2' });
    await settle();
    await takeCard();
    expect(cards.returned).toBe(1);
    expect(view()).toMatchObject({ screen: 'balance', balance: { maskedKpj: '*******2128' } });
  });

  it('a balance for another KPJ than the one picked is never shown', async () => {
    const host = new FakeHost();
    host.linkedAccounts = [{ ...host.linkedAccounts[0]!, maskedKpj: '*******0000' }];
    const { view, insert, typePin, takeCard } = atm(host);
    await insert();
    await typePin();
    await takeCard();
    expect(view()).toMatchObject({
      screen: 'error',
      error: { code: 'hostMalformed' },
      balance: null,
    });
  });

  it('a card not taken is retained, journaled, and no balance is shown', async () => {
    const { view, insert, typePin, cards, sink, takeCard } = atm();
    cards.takes = false;
    await insert();
    await typePin();
    await takeCard();
    expect(view()).toMatchObject({ screen: 'cardRetained', balance: null });
    expect(sink.entries.find((e) => e.type === 'cardRetained')?.data).toMatchObject({
      reason: 'notTaken',
    });
    expect(sink.entries.some((e) => e.type === 'balanceDisplayed')).toBe(false);
  });

  it('cancel on the PIN step gives the card back before the visit ends', async () => {
    const { brain, view, insert, cards, takeCard } = atm();
    await insert();
    brain.send({ type: 'cancel' });
    await settle();
    await takeCard();
    expect(cards.returned).toBe(1);
    expect(view().screen).toBe('thankYou');
    expect(cards.forgotten).toBeGreaterThan(0);
  });

  it('a KPJ card or Enter does not start a visit at an ATM; a bank card does not at a kiosk', async () => {
    const { brain, view } = atm();
    brain.send({ type: 'enter' });
    brain.dispatch({ type: 'kpjCaptured', kpj: SAMPLE_SUMMARY.participant.kpj, method: 'card' });
    await settle();
    expect(view().screen).toBe('attract');
    const kiosk = testBrain();
    kiosk.dispatch({ type: 'bankCardInserted', ...CARD });
    await settle();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('the reminder to take the card at the end: only for a reader that did not hold it (dip)', async () => {
    for (const held of [true, false]) {
      const { brain, view, insert, typePin, takeCard, cards } = atm();
      cards.held = held;
      await insert();
      await typePin();
      await takeCard();
      brain.send({ type: 'finish' });
      await settle();
      expect(view()).toMatchObject({ screen: 'thankYou', takeCard: !held });
    }
  });

  describe("hand-off: embedded in the ATM's own application", () => {
    it('the card stays in the reader: no "take your card", the balance, then the terminal handed back', async () => {
      const { brain, view, views, insert, typePin, cards } = atm(new FakeHost(), { handOff: true });
      await insert();
      await typePin();
      expect(view().screen).toBe('balance');
      expect(views.some((v) => v.screen === 'takeCard')).toBe(false);
      brain.send({ type: 'finish' });
      await settle();
      expect(view()).toMatchObject({ screen: 'thankYou', handBack: true, takeCard: false });
      expect(cards.returned).toBe(0);
    });

    it('cancel on the PIN hands the terminal back at once, the card still in the reader', async () => {
      const { brain, view, insert, cards } = atm(new FakeHost(), { handOff: true });
      await insert();
      brain.send({ type: 'cancel' });
      await settle();
      expect(view()).toMatchObject({ screen: 'thankYou', handBack: true });
      expect(cards.returned).toBe(0);
    });

    it('the bank still has a blocked card retained', async () => {
      const host = new FakeHost();
      host.failNext = { kind: 'cardBlocked' };
      const { view, insert, typePin, cards } = atm(host, { handOff: true });
      await insert();
      await typePin();
      expect(view().screen).toBe('cardRetained');
      expect(cards.retained).toBe(1);
    });

    it('without hand-off the closing screen never hands back', async () => {
      const { brain, view, insert, typePin, takeCard } = atm();
      await insert();
      await typePin();
      await takeCard();
      brain.send({ type: 'finish' });
      await settle();
      expect(view()).toMatchObject({ screen: 'thankYou', handBack: false });
    });
  });

  describe('leaving early, and things going wrong', () => {
    it('a wrong PIN, then Cancel: the card comes back and the visit ends plainly, not on an error', async () => {
      const { brain, view, insert, typePin, takeCard, sink } = atm();
      await insert();
      await typePin(BAD_BLOCK);
      brain.send({ type: 'cancel' });
      await settle();
      await takeCard();
      expect(view().screen).toBe('thankYou');
      expect(sink.entries.find((e) => e.type === 'sessionEnded')?.data).toMatchObject({
        reason: 'canceled',
      });
    });

    it('Cancel while the bank answers waits for the answer: the last wrong PIN still keeps the card', async () => {
      const host = new FakeHost();
      host.bankAttemptsLeft = 1;
      const answer = holdAnswer(host, 'verifyBankCard');
      const { brain, view, cards, insert, typePin } = atm(host);
      await insert();
      await typePin(BAD_BLOCK);
      expect(view().screen).toBe('loading');
      brain.send({ type: 'cancel' });
      await settle();
      expect(view().screen).toBe('loading');
      answer();
      await settle();
      expect(view()).toMatchObject({ screen: 'cardRetained', error: { code: 'pinTriesExceeded' } });
      expect(cards.returned).toBe(0);
    });

    it('out of service while the bank answers: the card comes back, the reason is said, no balance', async () => {
      const host = new FakeHost();
      const answer = holdAnswer(host, 'verifyBankCard');
      let status: ServiceStatus = { inService: true, reasons: [], since: null, devicesDown: [] };
      const listeners = new Set<(s: ServiceStatus) => void>();
      const service: ServiceStatusSource = {
        status: () => status,
        onChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      };
      const { views, view, insert, typePin, takeCard } = atm(host, { service });
      await insert();
      await typePin();
      expect(view().screen).toBe('loading');
      status = {
        inService: false,
        reasons: ['requiredDeviceDown'],
        since: 'x',
        devicesDown: ['printer'],
      };
      for (const listener of listeners) listener(status);
      await settle();
      answer();
      await settle();
      await takeCard();
      expect(view()).toMatchObject({
        screen: 'error',
        error: { code: 'outOfService', retry: false },
      });
      expect(views.some((v) => v.balance !== null)).toBe(false);
    });

    it('Cancel while the balance loads ends the visit, without asking the host again', async () => {
      const host = new FakeHost();
      const { brain, view, insert, typePin, takeCard } = atm(host);
      await insert();
      await typePin();
      const release = holdAnswer(host, 'balance');
      await takeCard();
      expect(view().screen).toBe('loading');
      brain.send({ type: 'cancel' });
      await settle();
      release();
      await settle();
      expect(view().screen).toBe('thankYou');
      expect(host.calls.filter((call) => call === 'balance')).toHaveLength(1);
    });

    it('a card the reader cannot give back: the person is told, and no balance is shown', async () => {
      const { view, insert, typePin, cards } = atm();
      cards.stuck = true;
      await insert();
      await typePin();
      expect(view()).toMatchObject({
        screen: 'error',
        error: { code: 'cardNotReturned' },
        balance: null,
      });
    });

    it('a card not taken after "no KPJ linked" is kept for not being taken, and says only that', async () => {
      const host = new FakeHost();
      host.failNext = { kind: 'noKpjLinked' };
      const { view, insert, typePin, cards, sink } = atm(host);
      cards.takes = false;
      await insert();
      await typePin();
      await settle();
      cards.take();
      await settle(() => sink.entries.length);
      expect(view()).toMatchObject({ screen: 'cardRetained', error: null });
      expect(sink.entries.find((e) => e.type === 'cardRetained')?.data).toMatchObject({
        reason: 'notTaken',
      });
    });

    it('at an ATM, Start on the closing screen does not open the KPJ step', async () => {
      const { brain, view, insert, typePin, takeCard } = atm();
      await insert();
      await typePin();
      await takeCard();
      brain.send({ type: 'finish' });
      await settle();
      brain.send({ type: 'start' });
      await settle();
      expect(view().screen).toBe('thankYou');
    });
  });
});
