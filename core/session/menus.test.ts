import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BRANDING, MenuName, SessionView, type DeviceReadiness } from '../common/api';
import { FakeHost, FakePrinter, fakeReceipts, SAMPLE_SUMMARY } from './fake-host.test-helper';
import { intentForKey, menuFactsOf, menuView, printAvailability, type MenuFacts } from './menus';
import { testBrain } from './test-brain.test-helper';

const facts = (overrides: Partial<MenuFacts> = {}): MenuFacts => ({
  devices: { printer: 'ready' },
  voice: false,
  yearsChangeable: true,
  historyPage: { number: 1, count: 4 },
  languages: ['id', 'en'],
  ...overrides,
});

/** Each item as `key label (enabled | reason)`: what a person reads on the screen. */
const outline = (name: MenuName, f: MenuFacts) =>
  menuView(name, f).items.map(
    (item) => `${item.key} ${item.label} ${item.enabled ? 'enabled' : item.reason}`,
  );

describe('printing is possible', () => {
  it('while the printer is ready or only low on paper, and says why not otherwise', () => {
    expect(printAvailability({ printer: 'ready' })).toEqual({
      canPrint: true,
      reason: null,
      notice: null,
    });
    expect(printAvailability({ printer: 'paperLow' })).toEqual({
      canPrint: true,
      reason: null,
      notice: 'paperLow',
    });
    expect(printAvailability({ printer: 'unavailable', printerProblem: 'paperOut' })).toEqual({
      canPrint: false,
      reason: 'paperOut',
      notice: 'unavailable',
    });
    // A printer that is gone without a word: offline.
    expect(printAvailability({ printer: 'unavailable' })).toMatchObject({ reason: 'offline' });
    // No printer at all: nothing to tell the person.
    expect(printAvailability({ printer: 'absent' })).toEqual({
      canPrint: false,
      reason: 'absent',
      notice: null,
    });
  });
});

describe('the numbered menus', () => {
  it('start screen: 1 Bahasa Indonesia, 2 English, 3 voice guidance on, or off when it is on', () => {
    expect(outline('attract', facts())).toEqual([
      '1 languageId enabled',
      '2 languageEn enabled',
      '3 voiceOnOff enabled',
    ]);
    expect(intentForKey('attract', '1', facts())).toEqual({
      type: 'chooseLanguage',
      language: 'id',
    });
    expect(intentForKey('attract', '2', facts())).toEqual({
      type: 'chooseLanguage',
      language: 'en',
    });
    expect(intentForKey('attract', '3', facts())).toEqual({ type: 'voice', command: 'on' });
    expect(intentForKey('attract', '3', facts({ voice: true }))).toEqual({
      type: 'voice',
      command: 'off',
    });
    expect(intentForKey('attract', '4', facts())).toBeNull();
  });

  it('start screen of a theme with one language: no language to choose, 3 is still voice', () => {
    expect(outline('attract', facts({ languages: ['en'] }))).toEqual(['3 voiceOnOff enabled']);
    expect(intentForKey('attract', '1', facts({ languages: ['en'] }))).toBeNull();
  });

  it('a brain with a one-language theme keeps its language whatever is chosen', () => {
    const brain = testBrain({
      defaultLanguage: 'en',
      branding: { ...DEFAULT_BRANDING, languages: ['en'] },
    });
    brain.send({ type: 'chooseLanguage', language: 'id' });
    brain.send({ type: 'digit', digit: '1' });
    expect(brain.view().language).toBe('en');
    expect(brain.view().branding.languages).toEqual(['en']);
    brain.stop();
  });

  it('balance: 1 history, 2 projection, 3 print while the printer can print', () => {
    expect(outline('balance', facts())).toEqual([
      '1 history enabled',
      '2 projection enabled',
      '3 print enabled',
    ]);
    expect(intentForKey('balance', '1', facts())).toEqual({ type: 'showHistory' });
    expect(intentForKey('balance', '2', facts())).toEqual({ type: 'showProjection' });
    expect(intentForKey('balance', '3', facts())).toEqual({ type: 'printReceipt' });
    expect(intentForKey('balance', '0', facts())).toBeNull();
  });

  it.each<[DeviceReadiness, string]>([
    [{ printer: 'paperLow' }, 'enabled'],
    [{ printer: 'unavailable', printerProblem: 'paperOut' }, 'paperOut'],
    [{ printer: 'unavailable', printerProblem: 'coverOpen' }, 'coverOpen'],
    [{ printer: 'unavailable', printerProblem: 'offline' }, 'offline'],
    [{ printer: 'absent' }, 'absent'],
  ])('balance with the printer %j: print is %s', (devices, state) => {
    const f = facts({ devices });
    expect(outline('balance', f)[2]).toBe(`3 print ${state}`);
    expect(intentForKey('balance', '3', f)).toEqual(
      state === 'enabled' ? { type: 'printReceipt' } : null,
    );
  });

  it('another transaction: 1 yes, 2 no', () => {
    expect(outline('anotherTransaction', facts())).toEqual(['1 yes enabled', '2 no enabled']);
    expect(intentForKey('anotherTransaction', '1', facts())).toEqual({ type: 'answer', yes: true });
    expect(intentForKey('anotherTransaction', '2', facts())).toEqual({
      type: 'answer',
      yes: false,
    });
  });

  it('projection: 1 change the wage, 2 the period only while there are years left to change', () => {
    expect(outline('projection', facts())).toEqual([
      '1 changeWage enabled',
      '2 changeYears enabled',
    ]);
    expect(intentForKey('projection', '2', facts())).toEqual({
      type: 'editProjection',
      field: 'years',
    });
    const atRetirement = facts({ yearsChangeable: false });
    expect(outline('projection', atRetirement)).toEqual(['1 changeWage enabled']);
    expect(intentForKey('projection', '2', atRetirement)).toBeNull();
    expect(intentForKey('projection', '1', atRetirement)).toEqual({
      type: 'editProjection',
      field: 'wage',
    });
  });

  it('history: 4 newer months, 6 older, each refused at its end, none with a single page', () => {
    const at = (number: number, count = 4) => facts({ historyPage: { number, count } });
    expect(outline('history', at(1))).toEqual([
      '4 historyPrevious newestPage',
      '6 historyNext enabled',
    ]);
    expect(outline('history', at(2))).toEqual([
      '4 historyPrevious enabled',
      '6 historyNext enabled',
    ]);
    expect(outline('history', at(4))).toEqual([
      '4 historyPrevious enabled',
      '6 historyNext oldestPage',
    ]);
    expect(intentForKey('history', '6', at(1))).toEqual({ type: 'historyPage', direction: 'next' });
    expect(intentForKey('history', '4', at(1))).toBeNull();
    expect(intentForKey('history', '4', at(4))).toEqual({
      type: 'historyPage',
      direction: 'previous',
    });
    expect(intentForKey('history', '6', at(4))).toBeNull();
    expect(outline('history', at(1, 1))).toEqual([]);
    expect(intentForKey('history', '6', at(1, 1))).toBeNull();
  });

  it('a history that failed to load: 1 tries again', () => {
    expect(outline('historyFailed', facts())).toEqual(['1 historyRetry enabled']);
    expect(intentForKey('historyFailed', '1', facts())).toEqual({ type: 'retryHistory' });
  });

  it('a key stands for the very intent a tap on its item sends, in every menu', () => {
    for (const name of MenuName.options)
      for (const item of menuView(name, facts()).items)
        expect(intentForKey(name, item.key, facts())).toEqual(item.enabled ? item.intent : null);
  });

  it('reads its facts from the session: the history page, the period left, voice guidance', () => {
    const atRetirementAge = {
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, age: 56 },
    };
    expect(
      menuFactsOf(
        {
          voice: true,
          verified: { token: 't', summary: atRetirementAge },
          historyPage: 1,
          deps: {},
        },
        { printer: 'absent' },
      ),
    ).toEqual({
      devices: { printer: 'absent' },
      voice: true,
      yearsChangeable: false,
      historyPage: { number: 2, count: 4 },
      languages: ['id', 'en'],
    });
  });
});

describe('the view carries the menu', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function settle() {
    for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
  }

  async function atBalance(printer: FakePrinter) {
    const brain = testBrain({ host: new FakeHost(), receipts: fakeReceipts(printer) });
    let view!: SessionView;
    brain.subscribe((v) => (view = SessionView.parse(v)));
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: SAMPLE_SUMMARY.participant.kpj });
    await settle();
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(view.screen).toBe('balance');
    return { brain, view: () => view };
  }

  it('on the balance, with print refused (and 3 doing nothing) while the paper is out', async () => {
    const printer = new FakePrinter();
    const { brain, view } = await atBalance(printer);
    expect(view().menu?.items.map((i) => i.key)).toEqual(['1', '2', '3']);
    printer.setState({ printer: 'unavailable', printerProblem: 'paperOut' });
    expect(view().menu?.items[2]).toMatchObject({
      label: 'print',
      enabled: false,
      reason: 'paperOut',
    });
    expect(view().print).toEqual({ canPrint: false, reason: 'paperOut', notice: 'unavailable' });
    brain.send({ type: 'digit', digit: '3' });
    await settle();
    expect(view().screen).toBe('balance');
    expect(printer.printed).toHaveLength(0);
    printer.setState({ printer: 'paperLow' });
    expect(view().print.notice).toBe('paperLow');
    brain.send({ type: 'digit', digit: '3' });
    await settle();
    expect(printer.printed).toHaveLength(1);
    expect(view().screen).toBe('takeReceipt');
  });

  it('only where a menu is: none while a projection value is typed or the history loads', async () => {
    const { brain, view } = await atBalance(new FakePrinter());
    brain.send({ type: 'digit', digit: '2' });
    expect(view().menu?.name).toBe('projection');
    brain.send({ type: 'digit', digit: '1' });
    expect(view().entry?.field).toBe('wage');
    expect(view().menu).toBeNull();
    brain.send({ type: 'back' });
    brain.send({ type: 'back' });
    brain.send({ type: 'digit', digit: '1' });
    expect(view().screen).toBe('history');
    expect(view().menu).toBeNull();
    await settle();
    expect(view().menu).toMatchObject({
      name: 'history',
      items: [
        { key: '4', enabled: false, reason: 'newestPage' },
        { key: '6', enabled: true },
      ],
    });
    brain.send({ type: 'finish' });
    expect(view().screen).toBe('thankYou');
    expect(view().menu).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().menu?.name).toBe('attract');
  });
});
