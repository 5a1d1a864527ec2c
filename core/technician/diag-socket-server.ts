import { chmod, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger';
import type { AuditSink } from '../session/session-audit';
import { DiagRequest, MAX_REQUEST_BYTES, type DiagAnswer } from './diag-socket-protocol';
import type { TechnicianPort } from './technician-port';

export interface DiagSocketOptions {
  path: string;
  port: TechnicianPort;
  /** The screen the kiosk shows now; tests run only while nobody is being served. */
  screen: () => string;
  audit?: AuditSink;
  logger: Logger;
}

export interface DiagSocket {
  close(): Promise<void>;
}

/** Screens on which no participant is being served. */
const FREE_SCREENS = new Set(['attract', 'outOfService', 'technicianPin', 'technician']);

/** Whether something already answers on the socket (another kiosk running on this folder). */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Serves the diagnostics socket: `status` (devices and kiosk info, no personal data) and device
 * tests, each journaled as a technician action from the CLI. Readable by the kiosk's own user
 * only (mode 0600), like the config file that holds the technician PIN hash.
 */
export async function startDiagSocket(options: DiagSocketOptions): Promise<DiagSocket> {
  const { path, port, logger } = options;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (await answers(path)) throw new Error(`another kiosk already serves ${path}`);
  await rm(path, { force: true }); // left over from a kiosk that did not stop cleanly

  let busy = false;
  const answer = async (line: string): Promise<DiagAnswer> => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { id: -1, ok: false, error: 'not JSON' };
    }
    const parsed = DiagRequest.safeParse(raw);
    const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
    if (!parsed.success)
      return { id, ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
    const request = parsed.data;
    if (request.cmd === 'status')
      return {
        id,
        ok: true,
        status: {
          devices: port.devices(),
          events: port.events(),
          info: port.info(),
          screen: options.screen(),
        },
      };
    if (!FREE_SCREENS.has(options.screen()))
      return {
        id,
        ok: false,
        error: 'a participant is using the kiosk: try again when the start screen shows',
      };
    if (busy) return { id, ok: false, error: 'another test is running' };
    busy = true;
    try {
      const result = await port
        .run(request.action, request.device)
        .catch((error: unknown) => ({ ok: false, detail: (error as Error).message }));
      await options.audit
        ?.record({
          type: 'technicianAction',
          data: {
            action: request.action,
            detail: `cli ${request.device ?? 'kiosk'} ${result.ok ? 'ok' : 'failed'}`,
          },
        })
        .catch(() => undefined);
      return { id, ok: true, result };
    } finally {
      busy = false;
    }
  };

  const open = new Set<Socket>();
  const serve = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_REQUEST_BYTES) return void socket.destroy();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        void answer(line).then((reply) => socket.write(`${JSON.stringify(reply)}\n`));
      }
    });
  };

  const server: Server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  logger.info({ path }, 'diagnostics socket listening');
  return {
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
      await rm(path, { force: true });
    },
  };
}
