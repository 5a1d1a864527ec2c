import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import { settle, testBrain } from './test-brain.test-helper';

const KPJ = SAMPLE_SUMMARY.participant.kpj;

describe('the dark screen outside opening hours', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function darkBrain() {
    const brain = testBrain({ idleTimeoutMs: 60_000 });
    const views: SessionView[] = [];
    brain.subscribe((v) => views.push(v));
    brain.setOffHours(true);
    return { brain, view: () => views.at(-1)! };
  }

  it('a touch lights the start screen and starts nothing; it goes dark again after a minute alone', async () => {
    const { brain, view } = darkBrain();
    expect(view()).toMatchObject({ screen: 'screenOff', menu: null });
    brain.send({ type: 'start' });
    await settle();
    expect(view().screen).toBe('attract');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(view().screen).toBe('screenOff');
  });

  it('a card swiped on the dark screen is read at once (it is meant)', async () => {
    const { brain, view } = darkBrain();
    brain.dispatch({ type: 'kpjCaptured', kpj: KPJ, method: 'card' });
    await settle();
    expect(view().screen).toBe('enterBirthDate');
  });

  it('never darkens a visit; after it ends, the start screen shows a minute before going dark', async () => {
    const { brain, view } = darkBrain();
    brain.send({ type: 'activity' });
    brain.send({ type: 'start' });
    await settle();
    expect(view().screen).toBe('enterKpj');
    await vi.advanceTimersByTimeAsync(50_000);
    expect(view().screen).toBe('enterKpj');
    brain.send({ type: 'cancel' });
    await settle();
    expect(view().screen).toBe('thankYou');
    await vi.advanceTimersByTimeAsync(5_000); // thank-you, then the start screen for a minute
    expect(view().screen).toBe('attract');
    await vi.advanceTimersByTimeAsync(55_000);
    expect(view().screen).toBe('attract');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('screenOff');
  });

  it('opening hours light the screen for good', async () => {
    const { brain, view } = darkBrain();
    brain.setOffHours(false);
    expect(view().screen).toBe('attract');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(view().screen).toBe('attract');
  });

  it('a visit longer than a minute ends on its thank-you, not on a dark screen', async () => {
    const { brain, view } = darkBrain();
    brain.send({ type: 'activity' });
    brain.send({ type: 'start' });
    await settle();
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(50_000);
      brain.send({ type: 'digit', digit: '1' });
    }
    brain.send({ type: 'cancel' });
    await settle();
    expect(view().screen).toBe('thankYou');
  });

  it('the dark screen takes cards and scans (the card reader and scanner read it as identifying)', () => {
    const { view } = darkBrain();
    expect(view().step).toMatchObject({ identifying: true, resting: true });
  });
});
