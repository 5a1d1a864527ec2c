import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { uiSocketProtocols, WS_PATH } from '../core/common/api/channels';
import { silentLogger } from '../core/log/logger';
import { startWebShell, type WebShell } from './web-shell';
import { RecordingApi } from '../core/common/api/recording-api.test-helper';

export { RecordingApi };

/** A web shell on an ephemeral loopback port over a recording brain double, for one test. */
export async function startRecordingShell(): Promise<{ shell: WebShell; api: RecordingApi }> {
  const api = new RecordingApi();
  const shell = await startWebShell({
    api,
    rendererDir: rendererFolder(),
    port: 0,
    logger: silentLogger(),
  });
  return { shell, api };
}

export function rendererFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
  return dir;
}

export interface Client {
  socket: WebSocket;
  /** Messages in arrival order; collected from the start so none is missed. */
  messages: unknown[];
  closed: Promise<number>;
}

export interface ConnectOptions {
  origin?: string;
  /** Subprotocols offered; default the page's own (with the shell's secret). */
  protocols?: string[];
  host?: string;
}

/** Connects as a page (or a program pretending to be one) would. */
export function connectUi(shell: WebShell, options: ConnectOptions = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${shell.port}${WS_PATH}`,
      options.protocols ?? uiSocketProtocols(shell.uiSecret),
      {
        origin: options.origin ?? `http://127.0.0.1:${shell.port}`,
        ...(options.host ? { headers: { host: options.host } } : {}),
      },
    );
    const messages: unknown[] = [];
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
}

/**
 * Writes `request` as is on a fresh TCP connection and reads the answer's head. Null when the
 * server closed without answering. Bounded: gives up after `timeoutMs`.
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 3_000,
): Promise<RawAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (answer: RawAnswer | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    socket.on('error', () => {}); // a reset after the answer is fine
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0) finish(parseHead(received.slice(0, end)));
    });
    socket.on('close', () => finish(null));
    socket.write(request);
  });
}

function parseHead(head: string): RawAnswer {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

export interface HeldSocket {
  socket: Socket;
  /** The answer's head once it arrives, or null if the server closed without one. */
  answer: Promise<RawAnswer | null>;
  /** Resolves when the server has closed the socket. */
  closed: Promise<void>;
}

/**
 * A local program that tries to hold a connection: sends `head` (request line and headers, or
 * nothing for an idle socket) and then keeps the socket open without ever sending the rest.
 * The caller destroys it.
 */
export function holdSocket(port: number, head = ''): Promise<HeldSocket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let received = '';
    let answered: (answer: RawAnswer | null) => void = () => {};
    const answer = new Promise<RawAnswer | null>((done) => (answered = done));
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        answered(null);
        done();
      }),
    );
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0) answered(parseHead(received.slice(0, end)));
    });
    socket.on('error', () => {}); // a reset by the server is what some tests wait for
    socket.once('connect', () => {
      if (head) socket.write(head);
      resolve({ socket, answer, closed });
    });
    socket.once('error', reject);
  });
}

/** Rejects after `ms` with `what` in the message: bounds a wait for an event. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
