import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Intent, KioskApi, SessionView } from '../core/common/api';
import { attractView } from '../core/common/api/attract-view.test-helper';
import { silentLogger } from '../core/log/logger';
import { startWebShell, type WebShell } from './web-shell';

const VIEW: SessionView = attractView(1, { devices: { printer: 'absent' } });

class RecordingApi implements KioskApi {
  received: Intent[] = [];
  send(intent: Intent) {
    this.received.push(intent);
  }
  subscribe(listener: (view: SessionView) => void) {
    listener(VIEW);
    return () => {};
  }
}

interface Client {
  socket: WebSocket;
  /** Messages in arrival order; collected from the start so none is missed. */
  messages: unknown[];
}

function connect(shell: WebShell, origin: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${shell.port}/kiosk`, { origin });
    const messages: unknown[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('web shell', () => {
  let shell: WebShell;
  let api: RecordingApi;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(tmpdir(), 'secret.txt'), 'secret');
    api = new RecordingApi();
    shell = await startWebShell({ api, rendererDir: dir, port: 0, logger: silentLogger() });
  });

  afterEach(() => shell.close());

  it('listens on loopback only and serves the renderer with a strict CSP', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(shell.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`${shell.url}..%2Fsecret.txt`);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
  });

  it('sends the current view on connect and forwards valid intents', async () => {
    const { socket, messages } = await connect(shell, `http://127.0.0.1:${shell.port}`);
    await expect.poll(() => messages).toEqual([{ type: 'view', view: VIEW }]);
    socket.send(JSON.stringify({ type: 'intent', intent: { type: 'digit', digit: '7' } }));
    await expect.poll(() => api.received).toEqual([{ type: 'digit', digit: '7' }]);
    socket.close();
  });

  it('refuses pages from another origin', async () => {
    await expect(connect(shell, 'http://evil.example')).rejects.toThrow('HTTP 403');
    expect(api.received).toEqual([]);
  });

  it('drops an invalid message and closes the socket', async () => {
    const { socket, messages } = await connect(shell, `http://localhost:${shell.port}`);
    await expect.poll(() => messages.length).toBe(1);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'intent', intent: { type: 'digit', digit: '12' } }));
    expect(await closed).toBe(1008);
    expect(api.received).toEqual([]);
  });
});
