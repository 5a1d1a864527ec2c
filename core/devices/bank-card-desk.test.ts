import { describe, expect, it } from 'vitest';
import { failure, success, type StatusChangedEvent } from '../../devices/common/device';
import type { PinEntryOptions, PinPadEvent, PinPadStatus } from '../../devices/pinpad/pinpad';
import { BankCardDesk } from './bank-card-desk';
import { Emitter, fakeLogger } from './fake-devices.test-helper';

const PAN = '4761739001010010';
const BLOCK = '0123456789ABCDEF0123456789ABCDEF';
const KSN = 'A'.repeat(24);

function pad(status: PinPadStatus = { device: 'online', entry: 'idle' }) {
  const events = new Emitter<PinPadEvent | StatusChangedEvent<PinPadStatus>>();
  const asked: PinEntryOptions[] = [];
  let answer = success({ format: 4 as const, pinBlock: BLOCK, ksn: KSN, digits: 4 });
  return {
    asked,
    events,
    status: () => status,
    on: events.on.bind(events),
    cancel: () => {},
    answerWith(next: typeof answer) {
      answer = next;
    },
    async pinEntry(options: PinEntryOptions) {
      asked.push(options);
      for (const digits of [1, 2, 3, 4])
        events.emit({ type: 'keyPressed', mode: 'pin', key: 'digit', digits });
      return answer;
    },
  };
}

const reader = (value: 'taken' | 'retained' | 'notHeld' = 'taken') => ({
  returned: 0,
  capabilities: () => ({
    readTracks: [],
    mode: 'xfs4iot' as const,
    transport: 'test',
    mediaSensor: true as const,
    lrcCheck: true as const,
    chip: false as const,
    holdsCard: value !== 'notHeld',
  }),
  async returnCard() {
    this.returned += 1;
    return success(value);
  },
  async retainCard() {
    return success(value === 'notHeld' ? value : ('retained' as const));
  },
});

describe('the bank card desk (ATM profile)', () => {
  it('asks the pin pad for a PIN block bound to the held card and reports digit counts only', async () => {
    const pinPad = pad();
    const logger = fakeLogger();
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, logger, {
      pinFormat: 4,
      pinLength: { min: 4, max: 6 },
    });
    // The brain learns the last four digits only; the bank's reference comes with the PIN block.
    expect(desk.hold(PAN)).toEqual({ maskedPan: '************0010' });
    const counts: number[] = [];
    const end = await desk.enterPin((count) => counts.push(count), new AbortController().signal);
    expect(pinPad.asked).toEqual([
      { pan: PAN, minLength: 4, maxLength: 6, format: 4, timeoutMs: 60_000 },
    ]);
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(end).toEqual({
      ok: true,
      pin: { cardReference: '476173******0010', format: 'iso4', pinBlock: BLOCK, ksn: KSN },
    });
    expect(logger.lines.join('\n')).not.toContain(PAN);
  });

  it('without a held card, or with the pin pad offline, there is no PIN entry', async () => {
    const pinPad = pad({ device: 'offline', entry: 'idle' });
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, fakeLogger());
    const signal = new AbortController().signal;
    expect(await desk.enterPin(() => {}, signal)).toEqual({ ok: false, reason: 'unavailable' });
    desk.hold(PAN);
    expect(await desk.enterPin(() => {}, signal)).toEqual({ ok: false, reason: 'unavailable' });
    expect(pinPad.asked).toHaveLength(0);
  });

  it('a PIN entry canceled on the pad or timed out says so; after forget() the card is gone', async () => {
    const pinPad = pad();
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, fakeLogger());
    desk.hold(PAN);
    const signal = new AbortController().signal;
    pinPad.answerWith(failure('canceled', 'cancel key') as never);
    expect(await desk.enterPin(() => {}, signal)).toEqual({ ok: false, reason: 'canceled' });
    pinPad.answerWith(failure('timeOut', 'no key') as never);
    expect(await desk.enterPin(() => {}, signal)).toEqual({ ok: false, reason: 'timeout' });
    desk.forget();
    expect(await desk.enterPin(() => {}, signal)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('waits for the keys adapter to end its plain entry before PIN entry', async () => {
    let status: PinPadStatus = { device: 'online', entry: 'plain' };
    const pinPad = { ...pad(), status: () => status };
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, fakeLogger());
    desk.hold(PAN);
    const entering = desk.enterPin(() => {}, new AbortController().signal);
    await Promise.resolve();
    expect(pinPad.asked).toHaveLength(0);
    status = { device: 'online', entry: 'idle' };
    pinPad.events.emit({ type: 'statusChanged', status });
    expect((await entering).ok).toBe(true);
    expect(pinPad.asked).toHaveLength(1);
  });

  it('a PIN entry refused while the keys adapter still has its plain entry open is tried again once the pad is free', async () => {
    let status: PinPadStatus = { device: 'online', entry: 'idle' };
    const base = pad();
    let refusals = 1;
    const pinPad = {
      ...base,
      status: () => status,
      async pinEntry(options: PinEntryOptions) {
        if (refusals-- > 0) {
          // The adapter re-opened its plain entry just now; it ends a moment later.
          status = { device: 'online', entry: 'plain' };
          setTimeout(() => {
            status = { device: 'online', entry: 'idle' };
            base.events.emit({ type: 'statusChanged', status });
          }, 0);
          return failure('deviceNotReady', 'another entry is in progress') as never;
        }
        return base.pinEntry(options);
      },
    };
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, fakeLogger());
    desk.hold(PAN);
    const end = await desk.enterPin(() => {}, new AbortController().signal);
    expect(end.ok).toBe(true);
    expect(base.asked).toHaveLength(1);
  });

  it('a pin pad that refuses for another reason is not asked again', async () => {
    const base = pad();
    let asked = 0;
    const pinPad = {
      ...base,
      async pinEntry() {
        asked += 1;
        return failure('hardwareError', 'broken') as never;
      },
    };
    const desk = new BankCardDesk({ cardReader: reader(), pinPad }, fakeLogger());
    desk.hold(PAN);
    expect(await desk.enterPin(() => {}, new AbortController().signal)).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(asked).toBe(1);
  });

  it('a card the reader does not hold (swiped) counts as given back; a retain it cannot do fails', async () => {
    const desk = new BankCardDesk({ cardReader: reader('notHeld'), pinPad: pad() }, fakeLogger());
    expect(await desk.returnCard()).toBe('taken');
    expect(await desk.retainCard()).toBe('failed');
    const holding = new BankCardDesk(
      { cardReader: reader('retained'), pinPad: pad() },
      fakeLogger(),
    );
    expect(await holding.returnCard()).toBe('retained');
    expect(await holding.retainCard()).toBe('retained');
  });
});
