import { chmod, mkdtemp, stat } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log/logger';
import { startDiagSocket, type DiagSocket } from './diag-socket-server';
import { MAX_REQUEST_BYTES } from './diag-socket-protocol';
import type { TechnicianPort } from './technician-port';

const port: TechnicianPort = {
  devices: () => [],
  events: () => [],
  info: () => ({
    version: '0',
    terminalId: 'KSK-T-01',
    uptimeSeconds: 1,
    configPath: '/etc/kiosk.json',
    hostUrl: 'http://127.0.0.1:1',
    journalDir: '/tmp',
    journalFreeBytes: null,
  }),
  run: vi.fn(async () => ({
    ok: true,
    message: { code: 'deviceReopened', device: 'printer' } as const,
  })),
};

/** Sends raw lines and collects the answer lines. */
function exchange(path: string, text: string, answers: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('close', () => resolve(buffer.split('\n').filter(Boolean)));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.split('\n').filter(Boolean).length >= answers) socket.end();
    });
    socket.write(text);
  });
}

describe('diagnostics socket', () => {
  it('is owner-only, answers each line, names bad requests, and refuses a second kiosk on the same path', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'diag-sock-')), 'kiosk.sock');
    const server = await startDiagSocket({
      path,
      port,
      screen: () => 'attract',
      logger: silentLogger(),
    });
    try {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const lines = await exchange(
        path,
        'not json\n{"id":2,"cmd":"format"}\n{"id":3,"cmd":"run","action":"resetDevice","device":"printer"}\n',
        3,
      );
      const replies = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(replies).toContainEqual({ id: -1, ok: false, error: 'not JSON' });
      expect(replies.find((r) => r.id === 2)).toMatchObject({ ok: false });
      expect(replies.find((r) => r.id === 3)).toEqual({
        id: 3,
        ok: true,
        result: { ok: true, detail: 'Receipt printer reopened.' },
      });
      expect(port.run).toHaveBeenCalledWith('resetDevice', 'printer');
      await expect(
        startDiagSocket({ path, port, screen: () => 'attract', logger: silentLogger() }),
      ).rejects.toThrow('another kiosk already serves');
    } finally {
      await server.close();
    }
    await expect(stat(path)).rejects.toThrow(); // removed on close
  });

  const started: DiagSocket[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
  });
  const start = async (path: string) => {
    const server = await startDiagSocket({
      path,
      port,
      screen: () => 'attract',
      logger: silentLogger(),
    });
    started.push(server);
    return server;
  };
  const freshPath = async () => join(await mkdtemp(join(tmpdir(), 'diag-sock-')), 'kiosk.sock');

  it('answers every request of a burst longer than one read, in order', async () => {
    const path = await freshPath();
    await start(path);
    const requests = Array.from({ length: 400 }, (_, id) => `{"id":${id},"cmd":"status"}\n`);
    expect(requests.join('').length).toBeGreaterThan(2 * MAX_REQUEST_BYTES);
    const replies = (await exchange(path, requests.join(''), requests.length)).map(
      (line) => JSON.parse(line) as { id: number; ok: boolean },
    );
    expect(replies.map((reply) => reply.id)).toEqual(requests.map((_, id) => id));
    expect(replies.every((reply) => reply.ok)).toBe(true);
  });

  it('answers the lines before an over-long one, then refuses it with a clear error and closes', async () => {
    const path = await freshPath();
    await start(path);
    const lines = await exchange(path, `{"id":1,"cmd":"status"}\n${'x'.repeat(10_000)}`, 99);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 1, ok: true });
    expect(JSON.parse(lines[1]!)).toEqual({
      id: -1,
      ok: false,
      error: `request longer than ${MAX_REQUEST_BYTES} bytes: send one JSON request per line`,
    });
  });

  it('creates its folder owner-only, so no other user can reach the socket before its chmod', async () => {
    const umask = process.umask(0o000);
    try {
      const folder = join(await mkdtemp(join(tmpdir(), 'diag-sock-')), 'run');
      await start(join(folder, 'kiosk.sock'));
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
      expect((await stat(join(folder, 'kiosk.sock'))).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });

  it('refuses a folder other users can enter, saying what to fix', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'diag-sock-'));
    await chmod(folder, 0o755);
    await expect(start(join(folder, 'kiosk.sock'))).rejects.toThrow(
      `${folder} is open to other users (mode 0755): use a folder of the kiosk's user with mode 0700`,
    );
    await expect(stat(join(folder, 'kiosk.sock'))).rejects.toThrow(/ENOENT/);
  });
});
