import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { settleOutcome } from '../../test-support/settle-outcome';
import { HostError, type HostFailure } from './host-client';
import { HttpHostClient } from './http-host-client';

/**
 * Hosts that break HTTP on purpose, at the byte level on 127.0.0.1: whatever they do, every
 * call must settle as a HostError within its time budget (the session, journal anchoring,
 * kiosk.stop() and the technician's host test all wait on it).
 */

const KPJ = '17054312128';
const TIMEOUT_MS = 300;
/** Well past the budget (and one retry delay), far short of forever. */
const BOUND_MS = 3_000;

let servers: Server[] = [];
let sockets: Socket[] = [];

/** A TCP server that reads the request head and then does what `onRequest` tells it. */
async function rawHost(onRequest: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) onRequest(socket);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  sockets = [];
});

const SWITCHING =
  'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n';

/** The call's outcome within BOUND_MS: its HostFailure, or the reason it is not one. */
async function failureWithinBound(call: Promise<unknown>): Promise<HostFailure | string> {
  let caught: unknown = null;
  const outcome = await settleOutcome(
    call.catch((error: unknown) => {
      caught = error;
      throw error;
    }),
    BOUND_MS,
  );
  if (outcome === 'pending') return 'still pending';
  if (!(caught instanceof HostError)) return outcome;
  return caught.failure;
}

const client = (baseUrl: string) =>
  new HttpHostClient({ baseUrl, terminalId: 'K', timeoutMs: TIMEOUT_MS, retryDelayMs: 20 });

describe('HttpHostClient against a hostile host', () => {
  it('refuses a 101 Switching Protocols that keeps the socket open as HTTP 101', async () => {
    const baseUrl = await rawHost((socket) => socket.write(SWITCHING));
    expect(await failureWithinBound(client(baseUrl).lookup(KPJ))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 101',
    });
  });

  it('refuses a 101 followed by a closed socket as HTTP 101', async () => {
    const baseUrl = await rawHost((socket) => socket.end(SWITCHING));
    expect(await failureWithinBound(client(baseUrl).balance('t'))).toEqual({
      kind: 'unavailable',
      detail: 'HTTP 101',
    });
  });

  it('fails a host that accepts the connection and closes it without answering', async () => {
    const baseUrl = await rawHost((socket) => socket.end());
    expect(await failureWithinBound(client(baseUrl).verifyBirthDate(KPJ, '1988-08-17'))).toEqual({
      kind: 'unavailable',
      detail: 'ECONNRESET',
    });
  });

  it('times out a host that sends the headers and then stalls, and cancels on abort', async () => {
    const baseUrl = await rawHost((socket) =>
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{',
      ),
    );
    expect(await failureWithinBound(client(baseUrl).contributions('t', 12))).toEqual({
      kind: 'timeout',
    });
    const controller = new AbortController();
    const slow = new HttpHostClient({ baseUrl, terminalId: 'K', timeoutMs: 60_000 });
    const pending = slow.lookup(KPJ, controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect(await failureWithinBound(pending)).toEqual({
      kind: 'unavailable',
      detail: 'request canceled',
    });
  });

  it('times out a host that accepts the connection and never writes a byte', async () => {
    const baseUrl = await rawHost(() => undefined);
    expect(
      await failureWithinBound(
        client(baseUrl).sendJournalAnchor({
          seq: 1,
          hash: 'a'.repeat(64),
          at: '2026-11-22T03:15:00.000Z',
        }),
      ),
    ).toEqual({ kind: 'timeout' });
  });
});
