import type { Readable, Writable } from 'node:stream';

/** One DevTools protocol message (a command's answer has `id`, an event has `method`). */
export interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

/**
 * Chromium's DevTools protocol over `--remote-debugging-pipe` (fd 3 in, fd 4 out, each message
 * JSON ended by a NUL byte): no port any local process could connect to. Commands and events only;
 * unparsable messages are dropped.
 */
export class CdpPipe {
  private nextId = 1;
  private buffer = '';
  private readonly listeners = new Set<(message: CdpMessage) => void>();

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): number {
    const id = this.nextId++;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    this.toBrowser.write(`${JSON.stringify(message)}\0`);
    return id;
  }

  onMessage(listener: (message: CdpMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      let message: CdpMessage;
      try {
        message = JSON.parse(text) as CdpMessage;
      } catch {
        continue;
      }
      if (typeof message !== 'object' || message === null) continue;
      for (const listener of this.listeners) listener(message);
    }
  }
}
