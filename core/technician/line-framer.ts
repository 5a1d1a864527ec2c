/**
 * Splits a byte stream into newline-terminated lines of at most `maxBytes` each, however the
 * stream is cut into reads. Once a line is longer than that, nothing more is read.
 */
export class LineFramer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tooLong = false;

  constructor(private readonly maxBytes: number) {}

  /** The lines completed by `chunk`, and whether a line has gone past the limit. */
  push(chunk: Buffer): { lines: string[]; overlong: boolean } {
    const lines: string[] = [];
    let start = 0;
    let newline: number;
    while (!this.tooLong && (newline = chunk.indexOf(0x0a, start)) >= 0) {
      const part = chunk.subarray(start, newline);
      start = newline + 1;
      if (this.pendingBytes + part.length > this.maxBytes) this.tooLong = true;
      else lines.push(Buffer.concat([...this.pending, part]).toString('utf8'));
      this.pending = [];
      this.pendingBytes = 0;
    }
    if (!this.tooLong && start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pending.push(rest);
      this.pendingBytes += rest.length;
      if (this.pendingBytes > this.maxBytes) this.tooLong = true;
    }
    return { lines, overlong: this.tooLong };
  }
}
