import { mkdtemp, stat } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log/logger';
import { startDiagSocket } from './diag-socket-server';
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
  run: vi.fn(async () => ({ ok: true, detail: 'done' })),
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
        result: { ok: true, detail: 'done' },
      });
      expect(port.run).toHaveBeenCalledWith('resetDevice', 'printer');
      await expect(
        startDiagSocket({ path, port, screen: () => 'attract', logger: silentLogger() }),
      ).rejects.toThrow('another kiosk already serves');
      // A request larger than any real one closes the connection.
      expect(await exchange(path, 'x'.repeat(10_000), 1)).toEqual([]);
    } finally {
      await server.close();
    }
    await expect(stat(path)).rejects.toThrow(); // removed on close
  });
});
