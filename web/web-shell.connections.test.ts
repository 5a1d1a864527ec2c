import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attractView } from '../core/common/api/attract-view.test-helper';
import { MAX_CONNECTIONS, type WebShell } from './web-shell';
import {
  connectUi,
  holdSocket,
  rawRequest,
  startRecordingShell,
  within,
  type RecordingApi,
  type HeldSocket,
} from './web-shell.test-helper';

/** More sockets than the cap, of each kind an attacker can hold. */
const HELD = MAX_CONNECTIONS + 8;

describe('web shell: local programs cannot keep the UI out', () => {
  let shell: WebShell;
  let api: RecordingApi;
  const held: HeldSocket[] = [];

  beforeEach(async () => {
    ({ shell, api } = await startRecordingShell());
  });

  afterEach(async () => {
    for (const { socket } of held.splice(0)) socket.destroy();
    await shell.close();
  });

  const own = () => `Host: 127.0.0.1:${shell.port}`;
  /** Headers complete, a body announced and then sent one byte at a time (here: one byte). */
  const slowBody = (requestLine: string, framing: string) =>
    `${requestLine}\r\n${own()}\r\n${framing}\r\n\r\nx`;

  /** An answered request on a fresh socket: every socket opened before it has been accepted. */
  async function roundTrip(): Promise<void> {
    await rawRequest(shell.port, `GET / HTTP/1.1\r\n${own()}\r\nConnection: close\r\n\r\n`);
  }

  async function hold(count: number, head = ''): Promise<HeldSocket[]> {
    const sockets = await Promise.all(
      Array.from({ length: count }, () => holdSocket(shell.port, head)),
    );
    held.push(...sockets);
    return sockets;
  }

  it('answers a request with a body or another method at once with Connection: close and closes its socket without waiting for the body', async () => {
    const cases: [string, number][] = [
      [slowBody('POST / HTTP/1.1', 'Content-Length: 100000'), 405],
      [slowBody('GET / HTTP/1.1', 'Content-Length: 100000'), 413],
      [slowBody('HEAD /index.html HTTP/1.1', 'Transfer-Encoding: chunked'), 413],
      [`PUT / HTTP/1.1\r\n${own()}\r\n\r\n`, 405],
    ];
    for (const [request, status] of cases) {
      const [attacker] = await hold(1, request);
      const answer = await within(2_000, `answer to ${request.split('\r\n')[0]}`, attacker!.answer);
      expect(answer?.status).toBe(status);
      expect(answer?.headers.connection).toBe('close');
      expect(answer?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      await within(2_000, `close after ${status}`, attacker!.closed);
    }
  });

  it(`lets the UI with its secret in and get its view while ${HELD} slow-body and ${HELD} idle sockets are held`, async () => {
    const slow = await hold(HELD, slowBody('POST / HTTP/1.1', 'Content-Length: 100000'));
    await Promise.all(slow.map(({ answer }) => answer));
    await hold(HELD, slowBody('GET / HTTP/1.1', 'Content-Length: 100000'));
    await hold(HELD);
    await roundTrip();
    const ui = await within(3_000, 'UI connection', connectUi(shell));
    await expect
      .poll(() => ui.messages, { timeout: 3_000 })
      .toEqual([expect.objectContaining({ type: 'view' })]);
    // The process stays up and keeps serving pages.
    expect((await fetch(`http://127.0.0.1:${shell.port}/`)).status).toBe(200);
    ui.socket.close();
  });

  it('keeps the connected UI out of the cap: sockets opened after it never evict it, and its reconnect gets in', async () => {
    const ui = await connectUi(shell);
    await hold(HELD);
    await hold(HELD, `GET / HTTP/1.1\r\n${own()}\r\n`); // headers never finished
    await roundTrip();
    api.publish(attractView(2));
    await expect.poll(() => ui.messages, { timeout: 3_000 }).toHaveLength(2);
    // The page reloads (or the brain restarts): its new socket gets in past the held ones.
    ui.socket.close();
    await ui.closed;
    await hold(HELD); // and a program grabs the slot it left
    await roundTrip();
    const again = await within(3_000, 'reconnect', connectUi(shell));
    await expect.poll(() => again.messages, { timeout: 3_000 }).toHaveLength(1);
    again.socket.close();
  });
});
