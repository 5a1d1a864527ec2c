/** Where a command writes and what stops it; the bin passes the process's, tests capture. */
export interface DiagIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C (SIGINT / SIGTERM): long-running commands end cleanly. */
  signal: AbortSignal;
}

export const writeLine = (stream: NodeJS.WritableStream, text = '') => {
  stream.write(text + '\n');
};

/** One JSON document (or one JSON Lines record) on stdout. */
export const writeJson = (io: DiagIo, value: unknown) =>
  writeLine(io.stdout, JSON.stringify(value));
