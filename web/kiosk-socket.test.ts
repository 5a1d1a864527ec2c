import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../core/log/logger';
import { KioskSocketBridge } from './kiosk-socket';
import { RecordingApi } from './web-shell.test-helper';
import { THROTTLE_INTERVAL_MS } from './throttled-warning';

const PORT = 4321;

/** A handshake from a local program with the right Host and Origin but no UI secret. */
function refusedHandshake(bridge: KioskSocketBridge): PassThrough {
  const request = {
    url: '/kiosk',
    headers: { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` },
  } as unknown as IncomingMessage;
  const socket = new PassThrough();
  bridge.handleUpgrade(request, socket, Buffer.alloc(0));
  return socket;
}

describe('kiosk socket bridge: refused upgrades in the log', () => {
  let lines: Record<string, unknown>[];
  let bridge: KioskSocketBridge;

  beforeEach(() => {
    vi.useFakeTimers();
    lines = [];
    const destination = { write: (text: string) => void lines.push(JSON.parse(text)) };
    bridge = new KioskSocketBridge({
      api: new RecordingApi(),
      uiSecret: 'a'.repeat(43),
      port: () => PORT,
      logger: createLogger({ level: 'warn', destination }),
    });
  });

  afterEach(() => {
    bridge.close();
    vi.useRealTimers();
  });

  it('logs a flood of refusals as one line at once and then at most one line per interval with the count suppressed since', () => {
    const sockets = Array.from({ length: 50 }, () => refusedHandshake(bridge));
    for (const socket of sockets) expect(String(socket.read())).toMatch(/^HTTP\/1\.1 403 /);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'websocket refused', reason: 'no UI secret' }),
    ]);

    vi.advanceTimersByTime(THROTTLE_INTERVAL_MS);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      msg: 'websocket refused',
      suppressed: 49,
      reasons: { 'no UI secret': 49 },
    });

    for (let i = 0; i < 5; i++) refusedHandshake(bridge);
    vi.advanceTimersByTime(THROTTLE_INTERVAL_MS - 1);
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(lines[2]).toMatchObject({ suppressed: 5 });

    // A quiet interval writes nothing; the next refusal after it is logged at once again.
    vi.advanceTimersByTime(10 * THROTTLE_INTERVAL_MS);
    expect(lines).toHaveLength(3);
    refusedHandshake(bridge);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatchObject({ reason: 'no UI secret' });
    expect(lines[3]).not.toHaveProperty('suppressed');
  });

  it('writes the refusals still counted when the bridge closes', () => {
    for (let i = 0; i < 3; i++) refusedHandshake(bridge);
    bridge.close();
    expect(lines.map((line) => line.suppressed)).toEqual([undefined, 2]);
  });
});
