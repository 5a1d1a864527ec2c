import { crc16CcittFalse } from './crc16';

/**
 * Serial framing for the pin pad link: `STX || UTF-8 JSON || ETX || CRC`, where CRC is the
 * CRC-16/CCITT-FALSE of every byte after STX up to and including ETX, sent as four upper-case
 * ASCII hex digits. JSON.stringify escapes all control characters and the CRC is ASCII, so STX
 * (0x02) occurs only at the start of a frame: the parser can always resynchronise on it.
 */

export const STX = 0x02;
export const ETX = 0x03;
export const MAX_FRAME_BODY = 4096;
const CHECK_DIGITS = 4;

function checkHex(bytes: Uint8Array): string {
  return crc16CcittFalse(bytes).toString(16).toUpperCase().padStart(CHECK_DIGITS, '0');
}

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_FRAME_BODY) throw new Error('frame body too long');
  const withEtx = Buffer.concat([body, Buffer.from([ETX])]);
  return Buffer.concat([Buffer.from([STX]), withEtx, Buffer.from(checkHex(withEtx), 'ascii')]);
}

export type FrameError = 'badChecksum' | 'tooLong' | 'badJson' | 'strayBytes';

/**
 * Byte-at-a-time frame parser. Bytes outside frames are skipped, an STX anywhere starts a new
 * frame (dropping a broken one), oversized bodies are dropped. Never throws on input; reports
 * each problem through `onError`. Memory is bounded by MAX_FRAME_BODY.
 */
export class FrameParser {
  private state: 'hunt' | 'body' | 'check' = 'hunt';
  private body: number[] = [];
  private check: number[] = [];
  private stray = false;

  constructor(
    private readonly onFrame: (message: unknown) => void,
    private readonly onError: (error: FrameError) => void = () => undefined,
  ) {}

  push(chunk: Uint8Array): void {
    for (const byte of chunk) this.pushByte(byte);
    this.flushStray();
  }

  reset(): void {
    this.state = 'hunt';
    this.body = [];
    this.check = [];
    this.stray = false;
  }

  private pushByte(byte: number): void {
    if (byte === STX) {
      if (this.state !== 'hunt') this.onError('strayBytes'); // a frame broke off
      this.flushStray();
      this.state = 'body';
      this.body = [];
      return;
    }
    switch (this.state) {
      case 'hunt':
        this.stray = true;
        return;
      case 'body':
        if (byte === ETX) {
          this.state = 'check';
          this.check = [];
        } else if (this.body.length >= MAX_FRAME_BODY) {
          this.onError('tooLong');
          this.state = 'hunt';
          this.body = [];
        } else {
          this.body.push(byte);
        }
        return;
      case 'check':
        this.check.push(byte);
        if (this.check.length === CHECK_DIGITS)
          this.finish(Buffer.from(this.check).toString('latin1'));
        return;
    }
  }

  private flushStray(): void {
    if (this.stray) {
      this.stray = false;
      this.onError('strayBytes');
    }
  }

  private finish(checksum: string): void {
    const withEtx = Buffer.from([...this.body, ETX]);
    this.state = 'hunt';
    this.body = [];
    if (checkHex(withEtx) !== checksum) {
      this.onError('badChecksum');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(withEtx.subarray(0, -1).toString('utf8'));
    } catch {
      this.onError('badJson');
      return;
    }
    this.onFrame(message);
  }
}
