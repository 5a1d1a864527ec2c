import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  UiMessage,
  WS_CLOSE_GIVEN_UP,
  WS_CLOSE_REPLACED,
  WS_HEARTBEAT_MS,
  WS_PATH,
  WS_PROTOCOL,
  WS_SILENCE_LIMIT_MS,
  type SocketBrainMessage,
  type KioskApi,
} from '../core/common/api';
import type { Logger } from '../core/log/logger';
import { endWithStatus } from './raw-response';
import { isOwnHost, isOwnOrigin, offersUiSecret, requestPath } from './request-guard';
import { ThrottledWarning } from './throttled-warning';

const MAX_MESSAGE_BYTES = 4 * 1024;

export interface KioskSocketBridgeOptions {
  api: KioskApi;
  /** This launch's UI secret: only a page that offers it is the UI. */
  uiSecret: string;
  /** The shell's port (known once it listens): Host and Origin must name it. */
  port: () => number;
  logger: Logger;
  /** The socket of a handshake that showed the secret: the shell's connection cap spares it. */
  onUiSocket?: (socket: Duplex) => void;
}

/**
 * Bridges the kiosk API over a WebSocket to the one UI: a page served by this very shell (Host,
 * Origin) that offers this launch's UI secret. At most one UI connection lives; a newer one with
 * the secret replaces it. Every message is validated; after the first invalid one nothing more
 * from that socket runs and it is closed.
 */
export class KioskSocketBridge {
  /** The brain instance behind this bridge: new at every start, so a page knows a restart. */
  readonly epoch = randomUUID();
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: () => WS_PROTOCOL,
  });
  private ui: UiConnection | null = null;
  /**
   * Whether someone is served on the last view sent (a participant's session, technician mode):
   * that session belongs to the connection. The page has already wiped the screen when it lost
   * the brain, so the brain must not bring the person back. At rest, a UI ending ends nothing.
   */
  private serving = false;
  /** Any local program can be refused at will: the log gets at most a line per interval. */
  private readonly refusals: ThrottledWarning;

  constructor(private readonly options: KioskSocketBridgeOptions) {
    this.refusals = new ThrottledWarning(options.logger, 'websocket refused');
    // ws's own answers to a malformed handshake carry no security headers; answer them here.
    this.wss.on('wsClientError', (_error, socket) => endWithStatus(socket, 400));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A reset on a socket we refuse must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    const refusal = this.refusalOf(request);
    if (refusal) {
      this.refusals.note(refusal.reason);
      endWithStatus(socket, refusal.status);
      return;
    }
    this.options.onUiSocket?.(socket);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.adopt(ws));
  }

  close(): void {
    this.refusals.close();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private refusalOf(request: IncomingMessage): { status: number; reason: string } | null {
    const port = this.options.port();
    const path = requestPath(request.url);
    if (path === null) return { status: 400, reason: 'bad target' };
    if (path !== WS_PATH) return { status: 404, reason: 'path' };
    if (!isOwnHost(request.headers.host, port)) return { status: 403, reason: 'host' };
    if (!isOwnOrigin(request.headers.origin, port)) return { status: 403, reason: 'origin' };
    const protocols = request.headers['sec-websocket-protocol'];
    if (!offersUiSecret(protocols, this.options.uiSecret))
      return { status: 403, reason: 'no UI secret' };
    return null;
  }

  private adopt(socket: WebSocket): void {
    const previous = this.ui;
    if (previous) {
      this.options.logger.info('a newer UI connection replaces the current one');
      this.end(previous);
      previous.socket.close(WS_CLOSE_REPLACED, 'replaced');
    }
    this.ui = this.serve(socket);
  }

  /** The UI connection is over (closed, given up by the page, replaced): so is its session. */
  private end(connection: UiConnection): void {
    connection.stop();
    if (this.ui !== connection) return;
    this.ui = null;
    if (this.serving) {
      this.options.logger.info('UI connection ended: the session on it ends too');
      this.options.api.send({ type: 'cancel' });
    }
  }

  private serve(socket: WebSocket): UiConnection {
    const { api, logger } = this.options;
    let accepting = true;
    // When the page last heard from us. A page that hears nothing for WS_SILENCE_LIMIT_MS gives
    // the socket up (renderer/src/transport/ws-kiosk-api.ts); after a stalled event loop (SIGSTOP,
    // a hang) frames it sent before giving up may still be waiting here, typed on a screen the page
    // has since wiped: they must not run.
    let lastHeard = Date.now();
    const post = (message: SocketBrainMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(JSON.stringify(message));
      lastHeard = Date.now();
    };
    const unsubscribe = api.subscribe((view) => {
      this.serving = !view.step.resting;
      post({ type: 'view', epoch: this.epoch, view });
    });
    const heartbeat = setInterval(
      () => post({ type: 'alive', epoch: this.epoch }),
      WS_HEARTBEAT_MS,
    );
    const connection: UiConnection = {
      socket,
      stop: () => {
        if (!accepting) return;
        accepting = false;
        clearInterval(heartbeat);
        unsubscribe();
      },
    };
    socket.on('message', (data, isBinary) => {
      // Frames received behind an invalid one, or after a replacement, never run.
      if (!accepting) return;
      if (Date.now() - lastHeard > WS_SILENCE_LIMIT_MS) {
        logger.warn('the UI gave this connection up while the kiosk was not answering; closing it');
        this.end(connection);
        socket.close(WS_CLOSE_GIVEN_UP, 'given up');
        return;
      }
      const parsed = isBinary ? null : safeJson(data.toString());
      const result = UiMessage.safeParse(parsed);
      if (!result.success) {
        logger.warn('invalid message from the UI dropped; closing socket');
        this.end(connection);
        socket.close(1008, 'invalid message');
        return;
      }
      api.send(result.data.intent);
    });
    socket.once('close', () => this.end(connection));
    socket.on('error', () => socket.terminate());
    return connection;
  }
}

interface UiConnection {
  socket: WebSocket;
  /** No more intents from it, no more views to it. Idempotent. */
  stop(): void;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
