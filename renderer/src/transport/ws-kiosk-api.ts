import type {
  BrainMessage,
  Intent,
  KioskApi,
  SessionView,
  UiMessage,
} from '../../../core/common/api';
import { WS_PATH } from '../../../core/common/api/channels';

/**
 * The kiosk API over a WebSocket to the web shell that served this page. Reconnects with a
 * short back-off; intents sent while disconnected are dropped (the brain owns the truth).
 */
export class WebSocketKioskApi implements KioskApi {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private current: SessionView | null = null;
  private retryMs = 250;

  constructor(private readonly url: string) {
    this.connect();
  }

  static forPage(location: Location): WebSocketKioskApi {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new WebSocketKioskApi(`${scheme}://${location.host}${WS_PATH}`);
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

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => (this.retryMs = 250));
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 4000);
    });
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
    if (message?.type !== 'view') return;
    if (this.current && message.view.seq <= this.current.seq && message.view.seq !== 0) return;
    this.current = message.view;
    for (const listener of this.listeners) listener(message.view);
  }
}
