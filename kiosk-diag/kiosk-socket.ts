import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { DiagAnswer, type DiagRequest } from '../core/technician/diag-socket-protocol';
import { stringOption, type OptionValues } from './args';
import { loadDiagConfig } from './config-source';
import type { DiagIo } from './diag-io';
import { DiagError, EXIT, unreachableError, usageError } from './exit-codes';

export const SOCKET_OPTIONS = {
  config: { type: 'string' },
  socket: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** `--socket PATH`, else `technician.diagSocket` of the config (relative to the working directory). */
export function socketPath(values: OptionValues, io: DiagIo): string {
  const explicit = stringOption(values, 'socket');
  if (explicit) return resolve(explicit);
  const { config, source } = loadDiagConfig(values, io);
  if (!config.technician.diagSocket)
    throw usageError(
      `the kiosk has no diagnostics socket (technician.diagSocket is null in ${source})`,
    );
  return resolve(config.technician.diagSocket);
}

type Request = DiagRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** One request to the running kiosk and its answer; exit 3 when no kiosk answers. */
export function askKiosk(
  path: string,
  request: Request,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<DiagAnswer> {
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection(path);
    let buffer = '';
    const fail = (error: DiagError) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(unreachableError(`the kiosk did not answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const onAbort = () => fail(new DiagError('stopped', EXIT.ok));
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => socket.write(`${JSON.stringify({ id: 1, ...request })}\n`));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        unreachableError(
          error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
            ? `no kiosk is running on ${path} (${error.code}): start it, or give --socket / --config`
            : `cannot reach the kiosk on ${path}: ${error.message}`,
        ),
      ),
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const parsed = DiagAnswer.safeParse(JSON.parse(buffer.slice(0, newline)));
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.end();
      if (!parsed.success)
        reject(
          new DiagError('the kiosk sent an answer kiosk-diag does not understand', EXIT.problems),
        );
      else resolvePromise(parsed.data);
    });
  });
}
