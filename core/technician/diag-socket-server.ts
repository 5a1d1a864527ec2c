import { chmod, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { requirePrivateDir } from '../config/private-files';
import type { Logger } from '../log/logger';
import type { AuditSink } from '../session/session-audit';
import { DiagRequest, MAX_REQUEST_BYTES, type DiagAnswer } from './diag-socket-protocol';
import { LineFramer } from './line-framer';
import { technicianMessageText } from './technician-messages';
import type { TechnicianActionResult, TechnicianPort } from './technician-port';

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
const FREE_SCREENS = new Set([
  'attract',
  'outOfService',
  'screenOff',
  'technicianPin',
  'technician',
]);

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

/** Answers kept waiting per connection before the kiosk stops reading more from it. */
const MAX_QUEUED_ANSWERS = 64;

const TOO_LONG: DiagAnswer = {
  id: -1,
  ok: false,
  error: `request longer than ${MAX_REQUEST_BYTES} bytes: send one JSON request per line`,
};

/**
 * Serves the diagnostics socket: `status` (devices and kiosk info, no personal data) and device
 * tests, each journaled as a technician action from the CLI. For the kiosk's own user only:
 * the socket lives in a folder only that user can enter (created 0700, or refused when open to
 * others), so nobody else can connect even before the socket itself is made 0600; a chmod
 * after listen() alone leaves a moment in which anyone may.
 */
export async function startDiagSocket(options: DiagSocketOptions): Promise<DiagSocket> {
  const { path, port, logger } = options;
  requirePrivateDir(dirname(path));
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
        .catch((error: unknown): TechnicianActionResult => ({
          ok: false,
          message: { code: 'actionFailed', reason: (error as Error).message },
        }));
      await options.audit
        ?.record({
          type: 'technicianAction',
          data: {
            action: request.action,
            detail: `cli ${request.device ?? 'kiosk'} ${result.ok ? 'ok' : 'failed'}`,
          },
        })
        .catch(() => undefined);
      // kiosk-diag speaks English, as its other output does.
      return {
        id,
        ok: true,
        result: { ok: result.ok, detail: technicianMessageText(result.message, 'en') },
      };
    } finally {
      busy = false;
    }
  };

  const open = new Set<Socket>();
  /** Every complete line is answered, in order; a line past the limit ends the connection. */
  const serve = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    const framer = new LineFramer(MAX_REQUEST_BYTES);
    let answered: Promise<unknown> = Promise.resolve();
    let queued = 0;
    const reply = (next: () => Promise<DiagAnswer> | DiagAnswer) => {
      queued++;
      answered = answered
        .then(next)
        .catch((): DiagAnswer => ({ id: -1, ok: false, error: 'the kiosk could not answer' }))
        .then((message) => socket.write(`${JSON.stringify(message)}\n`))
        .catch(() => undefined) // the CLI went away: nothing to tell it
        .finally(() => {
          queued--;
          if (queued < MAX_QUEUED_ANSWERS && socket.isPaused()) socket.resume();
        });
    };
    const onData = (chunk: Buffer) => {
      const { lines, overlong } = framer.push(chunk);
      for (const line of lines) reply(() => answer(line));
      if (overlong) {
        socket.off('data', onData);
        reply(() => TOO_LONG);
        void answered.then(() => socket.end());
      } else if (queued >= MAX_QUEUED_ANSWERS) socket.pause();
    };
    socket.on('data', onData);
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
