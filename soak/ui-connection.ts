import WebSocket from 'ws';
import {
  BrainMessage,
  WS_PATH,
  type Intent,
  type SessionView,
  type UiMessage,
} from '../core/common/api';

/** The renderer's back-off (renderer/src/transport/ws-kiosk-api.ts), capped lower to keep the soak fast. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 1_000;

/**
 * The soak's screen: the kiosk API over the web shell's WebSocket, as the renderer uses it. It
 * reconnects after the brain dies, drops intents sent while disconnected, and keeps the last
 * view it was sent.
 *
 * Today's main: the bridge checks only the Origin header, and a restarted brain starts its view
 * `seq` again, so a new connection starts a new epoch here. Under the agreed bridge protocol
 * (bridge branch): `WebShell.url` is `http://127.0.0.1:PORT/#ui=<secret>`, the client offers the
 * subprotocols `['bpjs-kiosk.v1', 'bpjs-ui.' + secret]` (done below as soon as the URL carries
 * `#ui=`), only one UI connection is served at a time (this is the only one), and view messages
 * carry `epoch`, which then replaces the count of connections as the epoch. The brain child
 * passes the soak's secret to startWebShell so a restarted brain accepts the same one.
 */
export class UiConnection {
  private socket: WebSocket | null = null;
  private current: SessionView | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly waiters = new Set<(view: SessionView) => void>();
  /** Changes when the connection is re-established (today) or the brain says so (new protocol). */
  epoch: number | string = 0;
  connections = 0;
  /** Messages from the brain that failed the BrainMessage schema. */
  invalidMessages = 0;

  private readonly wsUrl: string;
  private readonly origin: string;
  private readonly protocols: string[];

  constructor(shellUrl: string) {
    const url = new URL(shellUrl);
    this.origin = url.origin;
    this.wsUrl = `${url.origin.replace(/^http/, 'ws')}${WS_PATH}`;
    const secret = new URLSearchParams(url.hash.slice(1)).get('ui');
    this.protocols = secret ? ['bpjs-kiosk.v1', `bpjs-ui.${secret}`] : [];
    this.connect();
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
      this.epoch = this.connections;
      this.current = null;
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
    const parsed = BrainMessage.safeParse(raw);
    if (!parsed.success) {
      this.invalidMessages += 1;
      return;
    }
    const epoch = (raw as { epoch?: unknown }).epoch;
    if (typeof epoch === 'string' || typeof epoch === 'number') {
      if (epoch !== this.epoch) this.current = null;
      this.epoch = epoch;
    }
    const { view } = parsed.data;
    if (this.current && view.seq <= this.current.seq) return;
    this.current = view;
    for (const waiter of [...this.waiters]) waiter(view);
  }
}
