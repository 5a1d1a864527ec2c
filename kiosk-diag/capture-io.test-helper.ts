import { Writable } from 'node:stream';
import type { DiagIo } from './diag-io';
import { runDiag } from './main';
import type { DiagCommand } from './command';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON document. */
  json(): Record<string, unknown>;
  /** stdout parsed as JSON Lines. */
  jsonLines(): Array<Record<string, unknown>>;
}

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

export function captureIo(env: Record<string, string | undefined> = {}) {
  const stdout = collector();
  const stderr = collector();
  const stop = new AbortController();
  const io: DiagIo = { stdout: stdout.stream, stderr: stderr.stream, env, signal: stop.signal };
  return { io, stop: () => stop.abort(), stdout: stdout.text, stderr: stderr.text };
}

/** Runs a kiosk-diag command line in this process with captured output. */
export async function runCaptured(
  argv: string[],
  options: { env?: Record<string, string | undefined>; commands?: DiagCommand[] } = {},
): Promise<CapturedRun> {
  const captured = captureIo(options.env);
  const code = await runDiag(argv, captured.io, options.commands);
  return toRun(code, captured.stdout(), captured.stderr());
}

export function toRun(code: number, stdout: string, stderr: string): CapturedRun {
  return {
    code,
    stdout,
    stderr,
    json: () => JSON.parse(stdout) as Record<string, unknown>,
    jsonLines: () =>
      stdout
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
