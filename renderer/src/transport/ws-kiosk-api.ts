import type {
  Intent,
  KioskApi,
  SessionView,
  SocketBrainMessage,
  UiMessage,
  ViewStamp,
} from '../../../core/common/api';
import { isNewerView } from '../../../core/common/api/view-order';
import {
  uiSocketProtocols,
  WS_CLOSE_REPLACED,
  WS_PATH,
  WS_SILENCE_LIMIT_MS,
} from '../../../core/common/api/channels';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 4_000;

/**
 * The kiosk API over a WebSocket to the web shell that served this page, authenticated by the
 * launch's UI secret. Reconnects with a back-off; intents sent while disconnected are dropped
 * (the brain owns the truth). The brain is taken as gone when the socket closes, and also when
 * it has said nothing (no view, no heartbeat) for WS_SILENCE_LIMIT_MS, handshake included: a
 * stopped brain leaves its socket open. Then the view is forgotten at once (the brain behind the
 * next connection may be a new one) and `onConnectionLost` tells the UI.
 */
export class WebSocketKioskApi implements KioskApi {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private readonly lostListeners = new Set<() => void>();
  private current: SessionView | null = null;
  private stamp: ViewStamp | null = null;
  private retryMs = FIRST_RETRY_MS;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly protocols: string[],
  ) {
    this.connect();
  }

  static forPage(location: Location, uiSecret: string | null): WebSocketKioskApi {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new WebSocketKioskApi(
      `${scheme}://${location.host}${WS_PATH}`,
      uiSecret ? uiSocketProtocols(uiSecret) : [],
    );
  }

  send(intent: Intent): void {
    const message: UiMessage = { type: 'intent', intent };
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    if (this.current) listener(this.current);
    return () => this.listeners.delete(listener);
  }

  onConnectionLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private connect(): void {
    const socket = new WebSocket(this.url, this.protocols);
    this.socket = socket;
    this.expectWordWithin(socket);
    // Events of a socket given up on (closed for silence) no longer count.
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.retryMs = FIRST_RETRY_MS;
      this.expectWordWithin(socket);
    });
    socket.addEventListener('message', (event) => {
      if (socket === this.socket) this.receive(socket, event.data);
    });
    socket.addEventListener('close', (event) => {
      // Another page took the screen over: do not take it back, or the two would alternate.
      this.drop(socket, event.code !== WS_CLOSE_REPLACED);
    });
  }

  /** (Re)arms the silence limit: past it the brain is gone, though the socket may look open. */
  private expectWordWithin(socket: WebSocket): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.drop(socket, true);
      socket.close();
    }, WS_SILENCE_LIMIT_MS);
  }

  private drop(socket: WebSocket, reconnect: boolean): void {
    if (socket !== this.socket) return;
    this.socket = null;
    clearTimeout(this.silenceTimer);
    this.forget();
    if (!reconnect) return;
    setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private forget(): void {
    const hadView = this.current !== null;
    this.current = null;
    this.stamp = null;
    if (hadView) for (const listener of this.lostListeners) listener();
  }

  private receive(socket: WebSocket, data: unknown): void {
    if (typeof data !== 'string') return;
    let message: SocketBrainMessage;
    try {
      message = JSON.parse(data) as SocketBrainMessage;
    } catch {
      return;
    }
    // The brain is the trusted side; its messages are validated where they are produced.
    if (typeof message?.epoch !== 'string') return;
    if (message.type === 'alive') return this.expectWordWithin(socket);
    if (message.type !== 'view') return;
    this.expectWordWithin(socket);
    const stamp = { epoch: message.epoch, seq: message.view.seq };
    if (!isNewerView(this.stamp, stamp)) return;
    this.stamp = stamp;
    this.current = message.view;
    for (const listener of this.listeners) listener(message.view);
  }
}
