import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import {
  WS_CLOSE_REPLACED,
  WS_HEARTBEAT_MS,
  WS_SILENCE_LIMIT_MS,
} from '../../../core/common/api/channels';
import type { SessionView } from '../../../core/common/api';
import { WebSocketKioskApi } from './ws-kiosk-api';

/** A browser WebSocket double: the test plays the web shell's side of each connection. */
class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  readonly sent: unknown[] = [];
  closedByPage = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    super();
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByPage = true;
  }

  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  push(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  view(epoch: string, view: SessionView): void {
    this.push({ type: 'view', epoch, view });
  }

  alive(epoch: string): void {
    this.push({ type: 'alive', epoch });
  }

  /** The socket's end as the browser reports it (a dead brain, or a take-over). */
  drop(code = 1006): void {
    this.readyState = FakeSocket.CLOSED;
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
}

const latest = () => FakeSocket.all.at(-1)!;
const enterKpj = (seq: number) =>
  attractView(seq, {
    screen: 'enterKpj',
    entry: { field: 'kpj', display: '1234', length: 4, maxLength: 11, complete: false },
  });

function startPage() {
  const api = new WebSocketKioskApi('ws://127.0.0.1:1/kiosk', ['bpjs-kiosk.v1']);
  const views: Array<SessionView | 'lost'> = [];
  api.subscribe((view) => views.push(view));
  api.onConnectionLost(() => views.push('lost'));
  return { api, views };
}

describe('the page’s WebSocket to the brain', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('forgets the view the moment the socket closes, and shows a restarted brain’s start screen', () => {
    const { api, views } = startPage();
    latest().open();
    latest().view('brain-1', enterKpj(40));
    latest().drop();
    expect(views.at(-1)).toBe('lost');
    let shown: SessionView[] = [];
    api.subscribe((view) => shown.push(view));
    expect(shown).toEqual([]);

    vi.advanceTimersByTime(250);
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    latest().view('brain-2', attractView(1));
    expect(views.at(-1)).toMatchObject({ screen: 'attract', seq: 1 });
    shown = [];
    api.subscribe((view) => shown.push(view));
    expect(shown).toMatchObject([{ screen: 'attract' }]);
  });

  it('takes a brain that stopped answering as gone, though its socket stays open', () => {
    const { views } = startPage();
    const first = latest();
    first.open();
    first.view('brain-1', enterKpj(7));
    // Heartbeats keep a quiet brain alive for as long as they come.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(WS_HEARTBEAT_MS);
      first.alive('brain-1');
    }
    expect(views).toHaveLength(1);

    vi.advanceTimersByTime(WS_SILENCE_LIMIT_MS - 1);
    expect(views).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(views.at(-1)).toBe('lost');
    expect(first.closedByPage).toBe(true);
    // What the given-up socket still says (a late view, its close) changes nothing.
    first.view('brain-1', enterKpj(8));
    first.drop();
    expect(views.at(-1)).toBe('lost');
    vi.advanceTimersByTime(250);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('gives up on a handshake the brain never answers, and keeps trying with a growing back-off', () => {
    startPage();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const count = FakeSocket.all.length;
      vi.advanceTimersByTime(WS_SILENCE_LIMIT_MS);
      expect(latest().closedByPage).toBe(true);
      let waited = 0;
      while (FakeSocket.all.length === count) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('shows what a brain that kept the session sends after a blip, even an older view number', () => {
    const { api, views } = startPage();
    latest().open();
    latest().view('brain-1', enterKpj(12));
    latest().drop();
    vi.advanceTimersByTime(250);
    latest().open();
    latest().view('brain-1', enterKpj(12));
    expect(views.map((view) => (view === 'lost' ? view : view.screen))).toEqual([
      'enterKpj',
      'lost',
      'enterKpj',
    ]);
    api.send({ type: 'digit', digit: '5' });
    expect(latest().sent).toEqual([{ type: 'intent', intent: { type: 'digit', digit: '5' } }]);
  });

  it('sends nothing while the brain is away, and does not take the screen back from a newer page', () => {
    const { api } = startPage();
    latest().open();
    latest().view('brain-1', attractView(3));
    latest().drop(WS_CLOSE_REPLACED);
    api.send({ type: 'start' });
    expect(latest().sent).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
