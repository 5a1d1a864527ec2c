import { decodeCp437 } from './cp437';

/** What a printer does with the bytes it received, in order. */
export type EscPosEvent =
  | { type: 'text'; text: string }
  | { type: 'newline' }
  | { type: 'feed'; lines: number }
  | { type: 'init' }
  | { type: 'bold'; on: boolean }
  | { type: 'size'; width: number; height: number }
  /** ESC ! sets bold and size together. */
  | { type: 'printMode'; bold: boolean; width: number; height: number }
  | { type: 'align'; align: 'left' | 'center' | 'right' }
  | { type: 'qrStore'; payload: string }
  | { type: 'qrPrint' }
  | { type: 'cut'; partial: boolean }
  | { type: 'statusQuery'; n: number }
  /** A well-formed command the simulator does not act on (fonts, code pages, barcodes, images). */
  | { type: 'ignored'; command: string }
  /** A byte that is not printable and starts no known command. */
  | { type: 'garbage'; byte: number };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** Beyond this a QR payload cannot be (7089 digits in a version 40 code); the rest is skipped. */
const MAX_COLLECT = 8192;

type Step =
  | { kind: 'more' }
  | { kind: 'done'; event?: EscPosEvent }
  | { kind: 'skip'; bytes: number; event?: EscPosEvent }
  | { kind: 'collect'; bytes: number; finish: (data: number[]) => EscPosEvent | undefined }
  | { kind: 'untilNul'; max: number; event?: EscPosEvent };

const u16 = (low: number | undefined, high: number | undefined) => (low ?? 0) + (high ?? 0) * 256;
const name = (cmd: number[]) =>
  cmd.map((b) => (b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : b.toString(16))).join(' ');

function escStep(cmd: number[]): Step {
  if (cmd.length < 2) return { kind: 'more' };
  const c = String.fromCharCode(cmd[1]!);
  if ('@2<KLSim'.includes(c)) {
    if (c === '@') return { kind: 'done', event: { type: 'init' } };
    if (c === 'i' || c === 'm') return { kind: 'done', event: { type: 'cut', partial: true } };
    return { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
  }
  const threeByte = 'E G - M a t d J ! R V { 3 U r T = SP e'.split(' ');
  if (threeByte.includes(c) || cmd[1] === 0x20) {
    if (cmd.length < 3) return { kind: 'more' };
    const n = cmd[2]!;
    switch (c) {
      case 'E':
        return { kind: 'done', event: { type: 'bold', on: (n & 1) === 1 } };
      case 'a':
        return {
          kind: 'done',
          event: {
            type: 'align',
            align: n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left',
          },
        };
      case 'd':
        return { kind: 'done', event: { type: 'feed', lines: n } };
      case '!':
        return {
          kind: 'done',
          event: {
            type: 'printMode',
            bold: (n & 0x08) !== 0,
            height: n & 0x10 ? 2 : 1,
            width: n & 0x20 ? 2 : 1,
          },
        };
      default:
        return { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
    }
  }
  if (c === 'p' || c === 'c' || c === 'B' || c === '$' || c === '\\') {
    const length = c === 'p' ? 5 : 4;
    return cmd.length < length
      ? { kind: 'more' }
      : { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
  }
  if (c === 'W') return cmd.length < 10 ? { kind: 'more' } : { kind: 'done' };
  if (c === '*') {
    if (cmd.length < 5) return { kind: 'more' };
    const m = cmd[2]!;
    const columns = u16(cmd[3], cmd[4]);
    return {
      kind: 'skip',
      bytes: columns * (m >= 32 ? 3 : 1),
      event: { type: 'ignored', command: 'ESC *' },
    };
  }
  if (c === 'D') return { kind: 'untilNul', max: 33, event: { type: 'ignored', command: 'ESC D' } };
  return { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
}

function qrStep(cmd: number[], length: number): Step {
  // GS ( k pL pH cn fn ...: the QR code function group when cn = 0x31.
  if (cmd.length < 7) return length < 2 ? { kind: 'skip', bytes: length } : { kind: 'more' };
  const cn = cmd[5]!;
  const fn = cmd[6]!;
  const rest = length - 2;
  if (cn === 0x31 && fn === 0x50) {
    // Store: cn fn m data...; m is one byte of the rest.
    return {
      kind: 'collect',
      bytes: rest,
      finish: (data) => ({
        type: 'qrStore',
        payload: String.fromCharCode(...data.slice(1)),
      }),
    };
  }
  if (cn === 0x31 && fn === 0x51) return { kind: 'skip', bytes: rest, event: { type: 'qrPrint' } };
  return {
    kind: 'skip',
    bytes: rest,
    event: { type: 'ignored', command: `GS ( k ${cn.toString(16)} ${fn.toString(16)}` },
  };
}

function gsStep(cmd: number[]): Step {
  if (cmd.length < 2) return { kind: 'more' };
  const c = String.fromCharCode(cmd[1]!);
  if (c === '(') {
    if (cmd.length < 5) return { kind: 'more' };
    const length = u16(cmd[3], cmd[4]);
    if (cmd[2] === 0x6b) return qrStep(cmd, length);
    return {
      kind: 'skip',
      bytes: length,
      event: { type: 'ignored', command: `GS ( ${String.fromCharCode(cmd[2]!)}` },
    };
  }
  if (c === 'V') {
    if (cmd.length < 3) return { kind: 'more' };
    const m = cmd[2]!;
    const partial = m === 1 || m === 49 || m === 66 || m === 98 || m === 104;
    if (m >= 65)
      return cmd.length < 4 ? { kind: 'more' } : { kind: 'done', event: { type: 'cut', partial } };
    return { kind: 'done', event: { type: 'cut', partial } };
  }
  if (c === '!') {
    if (cmd.length < 3) return { kind: 'more' };
    const n = cmd[2]!;
    return {
      kind: 'done',
      event: { type: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 },
    };
  }
  if (c === 'k') {
    if (cmd.length < 3) return { kind: 'more' };
    const m = cmd[2]!;
    if (m <= 6) return { kind: 'untilNul', max: 256, event: { type: 'ignored', command: 'GS k' } };
    if (cmd.length < 4) return { kind: 'more' };
    return { kind: 'skip', bytes: cmd[3]!, event: { type: 'ignored', command: 'GS k' } };
  }
  if (c === 'v') {
    if (cmd.length < 8) return { kind: 'more' };
    const bytes = u16(cmd[4], cmd[5]) * u16(cmd[6], cmd[7]);
    return { kind: 'skip', bytes, event: { type: 'ignored', command: 'GS v 0' } };
  }
  if (c === '8') {
    if (cmd.length < 7) return { kind: 'more' };
    const bytes = u16(cmd[3], cmd[4]) + u16(cmd[5], cmd[6]) * 65536;
    return { kind: 'skip', bytes, event: { type: 'ignored', command: 'GS 8 L' } };
  }
  if ('LWP$\\'.includes(c)) return cmd.length < 4 ? { kind: 'more' } : { kind: 'done' };
  if (c === '*') {
    if (cmd.length < 4) return { kind: 'more' };
    return { kind: 'skip', bytes: cmd[2]! * cmd[3]! * 8 };
  }
  if ('BhwHfarIb/'.includes(c))
    return cmd.length < 3
      ? { kind: 'more' }
      : { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
  return { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
}

function fsStep(cmd: number[]): Step {
  if (cmd.length < 2) return { kind: 'more' };
  const c = String.fromCharCode(cmd[1]!);
  if ('C!-'.includes(c)) return cmd.length < 3 ? { kind: 'more' } : { kind: 'done' };
  if (c === 'p') return cmd.length < 4 ? { kind: 'more' } : { kind: 'done' };
  return { kind: 'done', event: { type: 'ignored', command: name(cmd) } };
}

function dleStep(cmd: number[]): Step {
  if (cmd.length < 2) return { kind: 'more' };
  const c = cmd[1]!;
  if (c === 0x04 || c === 0x05) {
    if (cmd.length < 3) return { kind: 'more' };
    if (c === 0x04) return { kind: 'done', event: { type: 'statusQuery', n: cmd[2]! } };
    return { kind: 'done', event: { type: 'ignored', command: 'DLE ENQ' } };
  }
  if (c === 0x14) return cmd.length < 5 ? { kind: 'more' } : { kind: 'done' };
  // A lone DLE followed by something else: the DLE is noise, the next byte starts afresh.
  return { kind: 'done', event: { type: 'garbage', byte: DLE } };
}

/**
 * A streaming ESC/POS parser: feed it chunks as they arrive, split anywhere; it keeps the
 * unfinished command between chunks. Memory stays bounded whatever the input: declared data
 * lengths are skipped by counting, never buffered (except QR payloads, capped).
 */
export class EscPosParser {
  private cmd: number[] = [];
  private skip = 0;
  private skipEvent: EscPosEvent | undefined;
  private collect:
    | { left: number; data: number[]; finish: (data: number[]) => EscPosEvent | undefined }
    | undefined;
  private untilNul: { left: number; event: EscPosEvent | undefined } | undefined;
  private text = '';

  feed(bytes: Uint8Array): EscPosEvent[] {
    const events: EscPosEvent[] = [];
    for (const byte of bytes) this.step(byte, events);
    this.flushText(events);
    return events;
  }

  private flushText(events: EscPosEvent[]): void {
    if (this.text) events.push({ type: 'text', text: this.text });
    this.text = '';
  }

  private step(byte: number, events: EscPosEvent[]): void {
    if (this.skip > 0) {
      this.skip -= 1;
      if (this.skip === 0 && this.skipEvent) events.push(this.skipEvent);
      return;
    }
    if (this.collect) {
      if (this.collect.data.length < MAX_COLLECT) this.collect.data.push(byte);
      this.collect.left -= 1;
      if (this.collect.left <= 0) {
        const event = this.collect.finish(this.collect.data);
        this.collect = undefined;
        if (event) events.push(event);
      }
      return;
    }
    if (this.untilNul) {
      this.untilNul.left -= 1;
      if (byte === 0 || this.untilNul.left <= 0) {
        if (this.untilNul.event) events.push(this.untilNul.event);
        this.untilNul = undefined;
      }
      return;
    }
    if (this.cmd.length === 0) {
      if (byte === ESC || byte === GS || byte === FS || byte === DLE) {
        this.flushText(events);
        this.cmd.push(byte);
        return;
      }
      if (byte === LF) {
        this.flushText(events);
        events.push({ type: 'newline' });
      } else if (byte === 0x09) this.text += ' ';
      else if (byte >= 0x20 && byte !== 0x7f) this.text += decodeCp437(byte);
      else if (byte !== 0x0d && byte !== 0x0c && byte !== 0x00) {
        this.flushText(events);
        events.push({ type: 'garbage', byte });
      }
      return;
    }
    this.cmd.push(byte);
    const prefix = this.cmd[0];
    const next =
      prefix === ESC
        ? escStep(this.cmd)
        : prefix === GS
          ? gsStep(this.cmd)
          : prefix === FS
            ? fsStep(this.cmd)
            : dleStep(this.cmd);
    if (next.kind === 'more') return;
    const cmd = this.cmd;
    this.cmd = [];
    if (next.kind === 'done') {
      if (next.event) events.push(next.event);
      // DLE + unexpected byte: that byte was not part of a command, so parse it again.
      if (prefix === DLE && next.event?.type === 'garbage') this.step(cmd[1]!, events);
    } else if (next.kind === 'skip') {
      if (next.bytes <= 0) {
        if (next.event) events.push(next.event);
      } else {
        this.skip = next.bytes;
        this.skipEvent = next.event;
      }
    } else if (next.kind === 'collect') {
      if (next.bytes <= 0) {
        const event = next.finish([]);
        if (event) events.push(event);
      } else this.collect = { left: next.bytes, data: [], finish: next.finish };
    } else {
      this.untilNul = { left: next.max, event: next.event };
    }
  }
}
