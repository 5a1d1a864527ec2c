import WebSocket from 'ws';
import {
  SocketBrainMessage,
  WS_PATH,
  type Intent,
  type SessionView,
  type UiMessage,
} from '../core/common/api';
import { UI_SECRET_FRAGMENT_KEY, uiSocketProtocols } from '../core/common/api/channels';
import { isNewerView, type ViewStamp } from '../core/common/api/view-order';

/** The renderer's back-off (renderer/src/transport/ws-kiosk-api.ts), capped lower to keep the soak fast. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 1_000;

/**
 * The soak's screen: the kiosk API over the web shell's WebSocket, as the renderer uses it. It
 * offers the UI secret from the shell URL's fragment as the page does, reconnects after the
 * brain dies, drops intents sent while disconnected, keeps the last view it was sent, and lets a
 * restarted brain (another epoch) win at once, by the renderer's own rule (isNewerView).
 */
export class UiConnection {
  private socket: WebSocket | null = null;
  private current: SessionView | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly waiters = new Set<(view: SessionView) => void>();
  /** The brain instance the last view came from. */
  private stamp: ViewStamp | null = null;
  connections = 0;
  /** Messages from the brain that failed the SocketBrainMessage schema. */
  invalidMessages = 0;

  private readonly wsUrl: string;
  private readonly origin: string;
  private readonly protocols: string[];

  constructor(shellUrl: string) {
    const url = new URL(shellUrl);
    this.origin = url.origin;
    this.wsUrl = `${url.origin.replace(/^http/, 'ws')}${WS_PATH}`;
    const secret = new URLSearchParams(url.hash.slice(1)).get(UI_SECRET_FRAGMENT_KEY);
    if (!secret) throw new Error(`the shell URL carries no #${UI_SECRET_FRAGMENT_KEY}= secret`);
    this.protocols = uiSocketProtocols(secret);
    this.connect();
  }

  /** The brain instance the last view came from (null before the first view). */
  get epoch(): string | null {
    return this.stamp?.epoch ?? null;
  }

  /** The last view received, or null before the first one. */
  view(): SessionView | null {
    return this.current;
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends an intent; false when the connection is down (the intent is dropped, as in the UI). */
  send(intent: Intent): boolean {
    if (!this.open) return false;
    const message: UiMessage = { type: 'intent', intent };
    this.socket!.send(JSON.stringify(message));
    return true;
  }

  /** The first view (the current one counts) that satisfies `matches`, or null after `timeoutMs`. */
  waitFor(matches: (view: SessionView) => boolean, timeoutMs: number): Promise<SessionView | null> {
    if (this.current && matches(this.current)) return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const waiter = (view: SessionView) => {
        if (!matches(view)) return;
        finish(view);
      };
      const finish = (view: SessionView | null) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(view);
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Calls `listener` with every view from now on; returns the unsubscribe. */
  onView(listener: (view: SessionView) => void): () => void {
    this.waiters.add(listener);
    return () => this.waiters.delete(listener);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket?.terminate();
  }

  private connect(): void {
    const socket = new WebSocket(this.wsUrl, this.protocols, { origin: this.origin });
    this.socket = socket;
    socket.on('open', () => {
      this.retryMs = FIRST_RETRY_MS;
      this.connections += 1;
      // As the page does: nothing from the last connection stays on screen.
      this.current = null;
      this.stamp = null;
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.receive(data.toString());
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.closed) return;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    });
  }

  private receive(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
    const parsed = SocketBrainMessage.safeParse(raw);
    if (!parsed.success) {
      this.invalidMessages += 1;
      return;
    }
    if (parsed.data.type === 'alive') return;
    const { view, epoch } = parsed.data;
    const stamp = { epoch, seq: view.seq };
    if (!isNewerView(this.stamp, stamp)) return;
    this.stamp = stamp;
    this.current = view;
    for (const waiter of [...this.waiters]) waiter(view);
  }
}
