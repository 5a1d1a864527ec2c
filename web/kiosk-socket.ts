import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { UiMessage, WS_PATH, type BrainMessage, type KioskApi } from '../core/common/api';
import type { Logger } from '../core/log/logger';

const MAX_MESSAGE_BYTES = 4 * 1024;

/**
 * Bridges the kiosk API over a WebSocket. Only pages served by this very server (same origin)
 * may connect; every message is validated; anything else is dropped and the socket closed.
 */
export class KioskSocketBridge {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  constructor(
    private readonly api: KioskApi,
    private readonly allowedOrigins: () => string[],
    private readonly logger: Logger,
  ) {
    this.wss.on('connection', (socket) => this.serve(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers.origin ?? '';
    if (url.pathname !== WS_PATH || !this.allowedOrigins().includes(origin)) {
      this.logger.warn({ path: url.pathname, origin }, 'websocket refused');
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private serve(socket: WebSocket): void {
    const unsubscribe = this.api.subscribe((view) => {
      const message: BrainMessage = { type: 'view', view };
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    socket.on('message', (data, isBinary) => {
      const parsed = isBinary ? null : safeJson(data.toString());
      const result = UiMessage.safeParse(parsed);
      if (!result.success) {
        this.logger.warn('invalid message from the UI dropped; closing socket');
        socket.close(1008, 'invalid message');
        return;
      }
      this.api.send(result.data.intent);
    });
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
