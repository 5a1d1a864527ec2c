import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceChange, DeviceSnapshot } from '../../devices/manager/device-snapshot';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../log/logger';
import { createKiosk } from './create-kiosk';
import { printerSnapshot } from '../devices/fake-devices.test-helper';

type Line = Record<string, unknown> & { level: number; msg: string };

/** A pino destination that keeps the lines (pino writes to it synchronously). */
function logLines() {
  const lines: Line[] = [];
  return { lines, stream: { write: (text: string) => void lines.push(JSON.parse(text) as Line) } };
}

/** A loopback port nobody listens on: the host is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const PRINTER = printerSnapshot();

/** A device manager with a printer whose status the test changes. */
function printerOnly() {
  const listeners = new Set<(change: DeviceChange) => void>();
  let current = PRINTER;
  const manager = {
    snapshots: () => [current],
    onChange(listener: (change: DeviceChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    manager: manager as unknown as DeviceManager,
    change(next: Partial<DeviceSnapshot>) {
      current = { ...current, ...next };
      for (const listener of listeners) listener({ type: 'statusChanged', snapshot: current });
    },
  };
}

const quietKiosk = (host = 'http://127.0.0.1:9') =>
  parseConfig({
    host: { url: host, timeoutMs: 2_000 },
    journal: { enabled: false },
    technician: { diagSocket: null },
  });

describe("the operator's log at warn level", () => {
  it('shows a host outage, without the KPJ the participant typed', async () => {
    const log = logLines();
    const kiosk = createKiosk(quietKiosk(`http://127.0.0.1:${await closedPort()}`), {
      logger: createLogger({ level: 'warn', destination: log.stream }),
    });
    try {
      kiosk.api.send({ type: 'start' });
      for (const digit of '12345678901') kiosk.api.send({ type: 'digit', digit });
      const turnedAway = new Promise<void>((resolve) =>
        kiosk.api.subscribe((view) => view.error?.code === 'hostUnavailable' && resolve()),
      );
      kiosk.api.send({ type: 'enter' });
      await turnedAway;
      expect(log.lines.filter((l) => l.msg === 'host trouble')).toEqual([
        expect.objectContaining({
          level: 40,
          operation: 'lookup',
          failure: { kind: 'unavailable', detail: 'ECONNREFUSED' },
        }),
      ]);
      expect(JSON.stringify(log.lines)).not.toContain('12345678901');
    } finally {
      await kiosk.stop();
    }
  });

  it('shows a printer out of paper, and its cover open', async () => {
    const log = logLines();
    const printer = printerOnly();
    const kiosk = createKiosk(quietKiosk(), {
      logger: createLogger({ level: 'warn', destination: log.stream }),
      devices: printer.manager,
      printer: null,
    });
    try {
      printer.change({ state: 'offline', detail: 'paper out, cover open' });
      expect(log.lines.filter((l) => l.msg === 'device trouble')).toEqual([
        expect.objectContaining({
          level: 40,
          device: 'printer',
          fault: 'offline, paper out, cover open',
        }),
      ]);
    } finally {
      await kiosk.stop();
    }
  });
});
