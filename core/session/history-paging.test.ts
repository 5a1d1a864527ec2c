import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionView } from '../common/api';
import { settle, testBrain } from './test-brain.test-helper';
import { FakeHost, SAMPLE_SUMMARY } from './fake-host.test-helper';

/** A brain whose participant is verified and looks at the balance. */
async function atBalance(host = new FakeHost()) {
  const brain = testBrain({
    host,
  });
  let view!: SessionView;
  brain.subscribe((v) => (view = v));
  brain.send({ type: 'start' });
  brain.send({ type: 'submitKpj', kpj: SAMPLE_SUMMARY.participant.kpj });
  await settle();
  brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
  await settle();
  expect(view.screen).toBe('balance');
  const history = () => SessionView.parse(view).history!;
  const months = () => history().rows.map((row) => row.month);
  return { brain, host, view: () => view, history, months };
}

describe('contribution history, a page at a time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows six months a page, newest first, a month without contribution too, JHT and JP each summed', async () => {
    const { brain, history } = await atBalance();
    brain.send({ type: 'showHistory' });
    await settle();
    expect(history()).toEqual({
      rows: [
        { month: '2026-10', paid: true, jht: 285_000, jp: 150_000 },
        { month: '2026-09', paid: true, jht: 285_000, jp: 150_000 },
        { month: '2026-08', paid: false, jht: 0, jp: 0 },
        { month: '2026-07', paid: true, jht: 285_000, jp: 150_000 },
        { month: '2026-06', paid: true, jht: 285_000, jp: 150_000 },
        { month: '2026-05', paid: false, jht: 0, jp: 0 },
      ],
      page: { number: 1, count: 4 },
      newestMonth: '2026-10',
      oldestMonth: '2026-05',
      spanMonths: 24,
      missingMonths: expect.arrayContaining(['2026-08', '2026-05', '2024-11']) as string[],
      loading: false,
      failed: false,
    });
    expect(history().missingMonths).toHaveLength(20);
  });

  it('pages to older months and back with the buttons and the keypad 4 / 6, and stays at either end', async () => {
    const { brain, history, months } = await atBalance();
    brain.send({ type: 'showHistory' });
    await settle();
    brain.send({ type: 'historyPage', direction: 'previous' });
    expect(history().page).toEqual({ number: 1, count: 4 });
    brain.send({ type: 'historyPage', direction: 'next' });
    expect(history().page.number).toBe(2);
    expect(months()).toEqual(['2026-04', '2026-03', '2026-02', '2026-01', '2025-12', '2025-11']);
    brain.send({ type: 'digit', digit: '6' });
    brain.send({ type: 'digit', digit: '6' });
    expect(history()).toMatchObject({
      page: { number: 4, count: 4 },
      newestMonth: '2025-04',
      oldestMonth: '2024-11',
    });
    brain.send({ type: 'digit', digit: '6' });
    expect(history().page.number).toBe(4);
    brain.send({ type: 'digit', digit: '4' });
    expect(history().page.number).toBe(3);
    // Other digits page nothing and leave nothing.
    brain.send({ type: 'digit', digit: '5' });
    expect(history().page.number).toBe(3);
    // Back to the balance and in again: the newest months first, no second host call.
    brain.send({ type: 'back' });
    brain.send({ type: 'showHistory' });
    await settle();
    expect(history().page.number).toBe(1);
  });

  it("covers an inactive member's months up to the last contribution, a new member's from the start", async () => {
    const host = new FakeHost();
    host.summary = {
      ...SAMPLE_SUMMARY,
      participant: {
        ...SAMPLE_SUMMARY.participant,
        membershipStatus: 'inactive',
        membershipStart: '2024-02',
        lastContributionMonth: '2024-06',
      },
    };
    host.contributionMonths = ['2024-06', '2024-05', '2024-03', '2024-02'];
    const { brain, history, months } = await atBalance(host);
    brain.send({ type: 'showHistory' });
    await settle();
    expect(history()).toMatchObject({
      page: { number: 1, count: 1 },
      newestMonth: '2024-06',
      oldestMonth: '2024-02',
      spanMonths: 5,
      missingMonths: ['2024-04'],
    });
    expect(months()).toEqual(['2024-06', '2024-05', '2024-04', '2024-03', '2024-02']);
    brain.send({ type: 'digit', digit: '6' });
    expect(history().page.number).toBe(1);
  });

  it('tries again after a failed load, shows the loading meanwhile, and then the rows', async () => {
    const { brain, host, history, view } = await atBalance();
    host.failNext = { kind: 'timeout' };
    brain.send({ type: 'showHistory' });
    await settle();
    expect(history()).toMatchObject({ failed: true, loading: false, rows: [] });
    // Paging keys do nothing on a failed history.
    brain.send({ type: 'digit', digit: '6' });
    expect(history().failed).toBe(true);
    brain.send({ type: 'retryHistory' });
    expect(history()).toMatchObject({ failed: false, loading: true });
    await settle();
    expect(view().screen).toBe('history');
    expect(history()).toMatchObject({ failed: false, loading: false, page: { number: 1 } });
    expect(history().rows).toHaveLength(6);
    expect(host.calls.filter((call) => call === 'contributions')).toHaveLength(2);
  });

  it('tries again with the keypad 1 after a failed load, as often as it fails', async () => {
    const { brain, host, history } = await atBalance();
    host.failNext = { kind: 'unavailable', detail: 'down' };
    brain.send({ type: 'digit', digit: '1' });
    await settle();
    expect(history().failed).toBe(true);
    host.failNext = { kind: 'unavailable', detail: 'down' };
    brain.send({ type: 'digit', digit: '1' });
    await settle();
    expect(history().failed).toBe(true);
    brain.send({ type: 'digit', digit: '1' });
    await settle();
    expect(history()).toMatchObject({ failed: false, newestMonth: '2026-10' });
    expect(host.calls.filter((call) => call === 'contributions')).toHaveLength(3);
  });
});
