import { describe, expect, it } from 'vitest';
import { success, type Completion, type StatusChangedEvent } from '../../devices/common/device';
import type {
  DataEntryResult,
  PinPadEvent,
  PinPadStatus,
  PlainKey,
} from '../../devices/pinpad/pinpad';
import { Emitter, fakeBrain, fakeLogger, STEPS } from './fake-devices.test-helper';
import { intentForKey, wirePinPadKeys } from './pinpad-keys-adapter';

/** A pad whose data entries stay open until a test ends them. */
function fakePad() {
  const events = new Emitter<PinPadEvent | StatusChangedEvent<PinPadStatus>>();
  let finish: ((result: Completion<DataEntryResult>) => void) | undefined;
  let entries = 0;
  let cancels = 0;
  return {
    get entries() {
      return entries;
    },
    get cancels() {
      return cancels;
    },
    get open() {
      return finish !== undefined;
    },
    status: (): PinPadStatus => ({ device: 'online', entry: 'plain' }),
    on: events.on.bind(events),
    dataEntry: () => {
      entries += 1;
      return new Promise<Completion<DataEntryResult>>((resolve) => {
        finish = (result) => {
          finish = undefined;
          resolve(result);
        };
      });
    },
    cancel() {
      cancels += 1;
      finish?.({ code: 'canceled', errorDescription: 'canceled' });
    },
    emit(event: PinPadEvent) {
      events.emit(event);
    },
    press(key: PlainKey) {
      events.emit({ type: 'keyPressed', mode: 'plain', key });
      if (key === 'enter') finish?.(success({ digits: '', terminatedBy: 'enter' }));
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('pin pad keys', () => {
  it('maps key names to the on-screen keypad intents', () => {
    expect(intentForKey('7')).toEqual({ type: 'digit', digit: '7' });
    expect(intentForKey('enter')).toEqual({ type: 'enter' });
    expect(intentForKey('backspace')).toEqual({ type: 'backspace' });
    expect(intentForKey('clear')).toEqual({ type: 'clear' });
    expect(intentForKey('cancel')).toEqual({ type: 'cancel' });
    expect(intentForKey('f1')).toBeNull();
  });

  it('opens entry on a screen that takes keys and forwards every key press', async () => {
    const brain = fakeBrain(STEPS.noKeys);
    const pad = fakePad();
    wirePinPadKeys(brain, pad, fakeLogger());
    expect(pad.open).toBe(false);
    brain.show(STEPS.keys);
    expect(pad.open).toBe(true);
    for (const key of ['1', '7', 'backspace', 'enter'] as const) pad.press(key);
    expect(brain.events).toEqual([
      { type: 'digit', digit: '1' },
      { type: 'digit', digit: '7' },
      { type: 'backspace' },
      { type: 'enter' },
    ]);
    await tick();
    // Still on a keypad screen after enter: entry re-armed for the next keys.
    expect(pad.entries).toBe(2);
    expect(pad.open).toBe(true);
  });

  it('takes keys on the start screen too: a whole session from the pad (Enter, 1 / 2, 3 voice)', () => {
    const brain = fakeBrain(STEPS.start);
    const pad = fakePad();
    wirePinPadKeys(brain, pad, fakeLogger());
    expect(pad.open).toBe(true);
    for (const key of ['3', '2', 'enter'] as const) pad.press(key);
    expect(brain.events).toEqual([
      { type: 'digit', digit: '3' },
      { type: 'digit', digit: '2' },
      { type: 'enter' },
    ]);
  });

  it('closes entry when the screen no longer takes keys', async () => {
    const brain = fakeBrain(STEPS.identifying);
    const pad = fakePad();
    const unwire = wirePinPadKeys(brain, pad, fakeLogger());
    expect(pad.open).toBe(true);
    brain.show(STEPS.noKeys);
    await tick();
    expect(pad.open).toBe(false);
    expect(pad.cancels).toBe(1);
    unwire();
    brain.show(STEPS.identifying);
    expect(pad.open).toBe(false);
  });

  it('an FDK becomes the intent of the pin pad key it stands for; an unmapped one does nothing', async () => {
    const brain = fakeBrain(STEPS.keys);
    const pad = fakePad();
    wirePinPadKeys(brain, pad, fakeLogger(), { fdks: { '5': '2', '8': 'enter' } });
    emitFdk(pad, 5);
    emitFdk(pad, 8);
    emitFdk(pad, 1);
    expect(brain.events).toEqual([{ type: 'digit', digit: '2' }, { type: 'enter' }]);
  });
});

function emitFdk(pad: ReturnType<typeof fakePad>, fdk: number) {
  pad.emit({ type: 'fdkPressed', fdk });
}
