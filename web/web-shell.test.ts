import { writeFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  uiSocketProtocols,
  WS_CLOSE_GIVEN_UP,
  WS_CLOSE_REPLACED,
  WS_HEARTBEAT_MS,
  WS_PROTOCOL,
  WS_SILENCE_LIMIT_MS,
} from '../core/common/api/channels';
import { attractView } from '../core/common/api/attract-view.test-helper';

/** Someone is served (a participant or a technician): the session belongs to the connection. */
const SERVING = { takesKeys: true, identifying: false, resting: false };
import { silentLogger } from '../core/log/logger';
import { CONTENT_SECURITY_POLICY } from '../core/shell/security-headers';
import { MAX_CONNECTIONS, startWebShell, type WebShell } from './web-shell';
import {
  connectUi,
  rawRequest,
  rendererFolder,
  startRecordingShell,
  type RecordingApi,
} from './web-shell.test-helper';

const digit = (value: string) =>
  JSON.stringify({ type: 'intent', intent: { type: 'digit', digit: value } });
const upgradeHeaders = (port: number) =>
  [
    `Host: 127.0.0.1:${port}`,
    `Origin: http://127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  ].join('\r\n');

describe('web shell', () => {
  let shell: WebShell;
  let api: RecordingApi;

  beforeEach(async () => {
    writeFileSync(join(tmpdir(), 'secret.txt'), 'secret');
    ({ shell, api } = await startRecordingShell());
  });

  afterEach(() => shell.close());

  it('listens on loopback only and serves the renderer with a strict CSP', async () => {
    const response = await fetch(shell.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it("serves the theme's logo from memory at its path, with the same CSP and its type", async () => {
    const logo = {
      path: '/theme/logo.svg',
      contentType: 'image/svg+xml',
      body: Buffer.from('<svg/>'),
    };
    const themed = await startWebShell({
      api,
      rendererDir: rendererFolder(),
      assets: [logo],
      port: 0,
      logger: silentLogger(),
    });
    try {
      const response = await fetch(`http://127.0.0.1:${themed.port}/theme/logo.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toBe('<svg/>');
      expect((await fetch(`http://127.0.0.1:${themed.port}/theme/logo.png`)).status).toBe(404);
    } finally {
      await themed.close();
    }
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`http://127.0.0.1:${shell.port}/..%2Fsecret.txt`);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
  });

  it('sends the current view on connect, with the brain epoch, and forwards valid intents', async () => {
    const { socket, messages } = await connectUi(shell);
    expect(socket.protocol).toBe(WS_PROTOCOL);
    await expect
      .poll(() => messages)
      .toEqual([{ type: 'view', epoch: expect.any(String), view: api.current }]);
    socket.send(digit('7'));
    await expect.poll(() => api.received).toEqual([{ type: 'digit', digit: '7' }]);
    socket.close();
  });

  it('tells a connected page that the brain is alive between views, with the same epoch', async () => {
    const { socket, messages } = await connectUi(shell);
    await expect
      .poll(() => messages, { timeout: 3 * WS_HEARTBEAT_MS })
      .toContainEqual({ type: 'alive', epoch: expect.any(String) });
    const [view, alive] = messages as Array<{ epoch: string }>;
    expect(alive).toEqual({ type: 'alive', epoch: view!.epoch });
    socket.close();
  });

  it('refuses pages from another origin', async () => {
    await expect(connectUi(shell, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    expect(api.received).toEqual([]);
  });

  it('drops an invalid message and closes the socket', async () => {
    const { socket, messages, closed } = await connectUi(shell, {
      origin: `http://localhost:${shell.port}`,
    });
    await expect.poll(() => messages.length).toBe(1);
    socket.send(digit('12'));
    expect(await closed).toBe(1008);
    expect(api.received).toEqual([]);
  });
});

describe('web shell: the one UI', () => {
  let shell: WebShell;
  let api: RecordingApi;

  beforeEach(async () => {
    ({ shell, api } = await startRecordingShell());
  });

  afterEach(() => shell.close());

  it('puts a fresh secret in the page URL fragment only, which a program that GETs / never sees', async () => {
    expect(shell.uiSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#ui=${shell.uiSecret}`);
    const page = await fetch(`http://127.0.0.1:${shell.port}/`);
    expect(await page.text()).not.toContain(shell.uiSecret);
    const other = await startWebShell({
      api,
      rendererDir: rendererFolder(),
      port: 0,
      logger: silentLogger(),
    });
    expect(other.uiSecret).not.toBe(shell.uiSecret);
    await other.close();
  });

  it('refuses a local program that sends the right Origin but not the secret: no view, no intent', async () => {
    for (const protocols of [[], [WS_PROTOCOL], uiSocketProtocols('x'.repeat(43))])
      await expect(connectUi(shell, { protocols })).rejects.toThrow('HTTP 403');
    expect(api.subscribers).toBe(0);
    expect(api.received).toEqual([]);
  });

  it('treats localhost and 127.0.0.1 alike and nothing else as its origin', async () => {
    const ui = await connectUi(shell, { origin: `http://localhost:${shell.port}` });
    ui.socket.close();
    for (const origin of [
      `http://127.0.0.1:${shell.port}/`,
      `https://127.0.0.1:${shell.port}`,
      `http://localhost.:${shell.port}`,
      `http://127.0.0.1:${shell.port + 1}`,
      'null',
    ])
      await expect(connectUi(shell, { origin })).rejects.toThrow('HTTP 403');
  });

  it('keeps one UI: a newer connection with the secret replaces the older, which gets nothing more and drives nothing', async () => {
    const first = await connectUi(shell);
    const second = await connectUi(shell);
    expect(await first.closed).toBe(WS_CLOSE_REPLACED);
    expect(api.subscribers).toBe(1);
    api.publish(attractView(2));
    await expect.poll(() => second.messages.length).toBe(2);
    expect(first.messages).toHaveLength(1);
    second.socket.send(digit('5'));
    await expect.poll(() => api.received).toEqual([{ type: 'digit', digit: '5' }]);
    second.socket.close();
  });

  it('ends technician mode when the connection it was entered on goes away', async () => {
    const technician = await connectUi(shell);
    api.publish(attractView(2, { screen: 'technician', step: SERVING }));
    technician.socket.close();
    await expect.poll(() => api.received).toEqual([{ type: 'cancel' }]);
  });

  it('ends technician mode when a newer connection replaces the one it was entered on', async () => {
    await connectUi(shell);
    api.publish(attractView(2, { screen: 'technicianPin', step: SERVING }));
    const next = await connectUi(shell);
    expect(api.received).toEqual([{ type: 'cancel' }]);
    next.socket.close();
  });

  it("ends a participant's session when its connection goes away: the page has wiped it already", async () => {
    const ui = await connectUi(shell);
    api.publish(attractView(2, { screen: 'enterBirthDate', step: SERVING }));
    ui.socket.close();
    await expect.poll(() => api.received).toEqual([{ type: 'cancel' }]);
  });

  it('ends nothing when a connection on the start screen goes away', async () => {
    const ui = await connectUi(shell);
    ui.socket.close();
    await ui.closed;
    await expect.poll(() => api.subscribers).toBe(0);
    expect(api.received).toEqual([]);
  });

  it('drops what a page sent before it gave up a stalled brain, closes that socket and ends the session', async () => {
    const ui = await connectUi(shell);
    api.publish(attractView(2, { screen: 'enterBirthDate', step: SERVING }));
    await expect.poll(() => ui.messages.length).toBe(2);
    // The event loop stood still past the page's silence limit (no heartbeat went out meanwhile):
    // the frames waiting in the socket were typed on a screen the page has since wiped.
    const stalledUntil = Date.now() + WS_SILENCE_LIMIT_MS + 1_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(stalledUntil);
    try {
      ui.socket.send(digit('1'));
      ui.socket.send(digit('9'));
      expect(await ui.closed).toBe(WS_CLOSE_GIVEN_UP);
    } finally {
      clock.mockRestore();
    }
    expect(api.received).toEqual([{ type: 'cancel' }]);
  });

  it(`closes as many of the oldest connections as there are beyond ${MAX_CONNECTIONS}`, async () => {
    const sockets: Socket[] = [];
    let closed = 0;
    const extra = 10;
    const allClosed = new Promise<void>((resolve) => {
      for (let i = 0; i < MAX_CONNECTIONS + extra; i++) {
        const socket = connectTcp(shell.port, '127.0.0.1');
        socket.on('error', () => {});
        socket.on('close', () => {
          closed += 1;
          if (closed === extra) resolve();
        });
        sockets.push(socket);
      }
    });
    await allClosed;
    expect(closed).toBe(extra);
    for (const socket of sockets) socket.destroy();
  });

  it('answers only to its own Host name (no DNS rebinding)', async () => {
    const bad = await rawRequest(
      shell.port,
      'GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n',
    );
    expect(bad?.status).toBe(421);
    expect(bad?.headers['content-security-policy']).toContain("default-src 'self'");
    const none = await rawRequest(shell.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(none?.status).toBe(421);
    const good = await rawRequest(
      shell.port,
      `GET / HTTP/1.1\r\nHost: localhost:${shell.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(good?.status).toBe(200);
    await expect(connectUi(shell, { host: `evil.example:${shell.port}` })).rejects.toThrow(
      'HTTP 403',
    );
  });
});

describe('web shell: malformed requests', () => {
  let shell: WebShell;
  let api: RecordingApi;

  beforeEach(async () => {
    ({ shell, api } = await startRecordingShell());
  });

  afterEach(() => shell.close());

  it('answers an upgrade to `http://[::1` with a 400 and keeps serving', async () => {
    const answer = await rawRequest(
      shell.port,
      `GET http://[::1 HTTP/1.1\r\n${upgradeHeaders(shell.port)}\r\n\r\n`,
    );
    expect(answer?.status).toBe(400);
    expect(answer?.headers['content-security-policy']).toContain("default-src 'self'");
    const ui = await connectUi(shell);
    ui.socket.close();
  });

  it('answers a plain GET of `http://[::1` with a 400 carrying the security headers', async () => {
    const answer = await rawRequest(
      shell.port,
      `GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\n\r\n`,
    );
    expect(answer?.status).toBe(400);
    expect(answer?.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the security headers with a refused upgrade and with a request Node cannot parse', async () => {
    const refused = await rawRequest(
      shell.port,
      `GET /kiosk HTTP/1.1\r\n${upgradeHeaders(shell.port)}\r\n\r\n`,
    );
    expect(refused?.status).toBe(403);
    expect(refused?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const garbage = await rawRequest(shell.port, 'GET / HTTP/9.9 what\r\n\r\n');
    expect(garbage?.status).toBe(400);
    expect(garbage?.headers['cache-control']).toBe('no-store');
  });

  it('answers a request without Host and a CONNECT with the security headers too', async () => {
    const noHost = await rawRequest(shell.port, 'GET / HTTP/1.1\r\n\r\n');
    expect(noHost?.status).toBe(421);
    expect(noHost?.headers['content-security-policy']).toContain("default-src 'self'");
    const connect = await rawRequest(
      shell.port,
      `CONNECT 127.0.0.1:${shell.port} HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\n\r\n`,
    );
    expect(connect?.status).toBe(405);
    expect(connect?.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('runs nothing a socket sends after its first invalid message', async () => {
    const { socket, messages, closed } = await connectUi(shell);
    await expect.poll(() => messages.length).toBe(1);
    socket.send(digit('12'));
    socket.send(digit('3'));
    socket.send(digit('4'));
    expect(await closed).toBe(1008);
    // A valid connection afterwards is served: the bridge is not stuck.
    const next = await connectUi(shell);
    next.socket.send(digit('9'));
    await expect.poll(() => api.received).toEqual([{ type: 'digit', digit: '9' }]);
    next.socket.close();
  });
});
