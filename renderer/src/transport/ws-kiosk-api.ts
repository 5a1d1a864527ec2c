import type {
  BrainMessage,
  Intent,
  KioskApi,
  SessionView,
  UiMessage,
  ViewStamp,
} from '../../../core/common/api';
import { isNewerView } from '../../../core/common/api/view-order';
import { uiSocketProtocols, WS_CLOSE_REPLACED, WS_PATH } from '../../../core/common/api/channels';

/**
 * The kiosk API over a WebSocket to the web shell that served this page, authenticated by the
 * launch's UI secret. Reconnects with a short back-off; intents sent while disconnected are
 * dropped (the brain owns the truth). When the connection drops, the view is forgotten at once
 * (the brain behind the next connection may be a new one), and `onConnectionLost` tells the UI.
 */
export class WebSocketKioskApi implements KioskApi {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private readonly lostListeners = new Set<() => void>();
  private current: SessionView | null = null;
  private stamp: ViewStamp | null = null;
  private retryMs = 250;

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
    socket.addEventListener('open', () => (this.retryMs = 250));
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      this.forget();
      // Another page took the screen over: do not take it back, or the two would alternate.
      if (event.code === WS_CLOSE_REPLACED) return;
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 4000);
    });
  }

  private forget(): void {
    const hadView = this.current !== null;
    this.current = null;
    this.stamp = null;
    if (hadView) for (const listener of this.lostListeners) listener();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: BrainMessage;
    try {
      message = JSON.parse(data) as BrainMessage;
    } catch {
      return;
    }
    // The brain is the trusted side; its messages are validated where they are produced.
    if (message?.type !== 'view' || typeof message.epoch !== 'string') return;
    const stamp = { epoch: message.epoch, seq: message.view.seq };
    if (!isNewerView(this.stamp, stamp)) return;
    this.stamp = stamp;
    this.current = message.view;
    for (const listener of this.listeners) listener(message.view);
  }
}
