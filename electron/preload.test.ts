import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi, SessionView } from '../core/common/api';
import { fakeView } from './testing/fakes';

type Handler = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Set<Handler>>();
  return {
    handlers,
    exposed: [] as Array<[string, unknown]>,
    ipcRenderer: {
      send: vi.fn(),
      on: vi.fn((channel: string, handler: Handler) => {
        if (!handlers.has(channel)) handlers.set(channel, new Set());
        handlers.get(channel)?.add(handler);
      }),
      removeListener: vi.fn((channel: string, handler: Handler) => {
        handlers.get(channel)?.delete(handler);
      }),
      invoke: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  ipcRenderer: electron.ipcRenderer,
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]),
  },
}));

/** What the brain's side would push on the view channel. */
const push = (payload: unknown) => {
  const event = { sender: electron.ipcRenderer, senderId: 0 };
  for (const handler of electron.handlers.get('kiosk:view') ?? []) handler(event, payload);
};

let kiosk: KioskApi;

beforeAll(async () => {
  await import('./preload');
  kiosk = electron.exposed[0]?.[1] as KioskApi;
});

beforeEach(() => {
  electron.ipcRenderer.send.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('preload', () => {
  it('exposes exactly one object, window.kiosk, with only send and subscribe', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['kiosk']);
    expect(Object.keys(kiosk).sort()).toEqual(['send', 'subscribe']);
    for (const value of Object.values(kiosk)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
    }
    expect(Object.isFrozen(kiosk)).toBe(true);
  });

  it('sends a valid intent on the intent channel as a UiMessage', () => {
    kiosk.send({ type: 'digit', digit: '4' });
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('kiosk:intent', {
      type: 'intent',
      intent: { type: 'digit', digit: '4' },
    });
  });

  it('refuses an invalid intent before it leaves the page', () => {
    kiosk.send({ type: 'digit', digit: 'x' } as never);
    kiosk.send({ type: 'openShell' } as never);
    kiosk.send(null as never);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('asks for the current view on subscribe and delivers views without the IPC event', () => {
    const seen: unknown[][] = [];
    const unsubscribe = kiosk.subscribe((...args: unknown[]) => seen.push(args));
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('kiosk:ready');
    push({ type: 'view', epoch: 'brain-1', view: fakeView(10) });
    expect(seen).toEqual([[fakeView(10)]]);
    unsubscribe();
  });

  it('drops invalid or stale views and stops after unsubscribe', () => {
    const seen: SessionView[] = [];
    const unsubscribe = kiosk.subscribe((view) => seen.push(view));
    seen.length = 0; // a later subscriber gets the current view at once
    push({ type: 'view', epoch: 'brain-1', view: { ...fakeView(20), screen: 'shell' } });
    push({ type: 'view', epoch: 'brain-1', view: fakeView(-1) });
    push({ type: 'oops' });
    push({ type: 'view', epoch: 'brain-1', view: fakeView(20) });
    push({ type: 'view', epoch: 'brain-1', view: fakeView(19) });
    expect(seen.map((view) => view.seq)).toEqual([20]);
    unsubscribe();
    push({ type: 'view', epoch: 'brain-1', view: fakeView(21) });
    expect(seen).toHaveLength(1);
    expect(electron.handlers.get('kiosk:view')?.size).toBe(0);
  });

  it('gives a new subscriber the current view at once', () => {
    const seen: SessionView[] = [];
    const unsubscribe = kiosk.subscribe((view) => seen.push(view));
    expect(seen.map((view) => view.seq)).toEqual([20]);
    unsubscribe();
  });

  it('shows a restarted brain at once although it counts from 0 again (a new epoch)', () => {
    const seen: SessionView[] = [];
    const unsubscribe = kiosk.subscribe((view) => seen.push(view));
    seen.length = 0;
    // The new brain had published twice (devices came up) before its first view arrived here.
    push({ type: 'view', epoch: 'brain-2', view: fakeView(2, { screen: 'attract' }) });
    push({ type: 'view', epoch: 'brain-2', view: fakeView(3, { screen: 'enterKpj' }) });
    push({ type: 'view', epoch: 'brain-2', view: fakeView(3) });
    expect(seen.map((view) => [view.seq, view.screen])).toEqual([
      [2, 'attract'],
      [3, 'enterKpj'],
    ]);
    push({ type: 'view', view: fakeView(30) }); // no epoch: invalid
    expect(seen).toHaveLength(2);
    unsubscribe();
  });
});
