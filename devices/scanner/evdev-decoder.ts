import type { ScanMessage, ScannerCodec } from './scan-messages';
import { TypedScan } from './typed-scan';
import type { WedgeKey } from './us-keyboard';

/**
 * A keyboard-wedge scanner read from its Linux evdev node (/dev/input/by-id/...-event-kbd): a
 * stream of `struct input_event` (linux/input.h), 24 bytes each on 64-bit Linux, little-endian:
 *
 *   [0..7] tv_sec  [8..15] tv_usec  [16..17] type (u16)  [18..19] code (u16)  [20..23] value (s32)
 *
 * Only EV_KEY events matter: value 1 is a press, 0 a release, 2 the kernel's auto-repeat (not a
 * new key). EV_SYN, EV_MSC (scan codes) and LED events are skipped, but a SYN_DROPPED spoils the
 * scan being typed. 32-bit kernels use 16-byte
 * events and are not supported.
 */
export const INPUT_EVENT_SIZE = 24;
export const EV_SYN = 0x00;
export const EV_KEY = 0x01;
export const EV_MSC = 0x04;
/** The kernel's client buffer overflowed and it threw events away (input.h "SYN_DROPPED"). */
export const SYN_DROPPED = 3;
const EV_MAX = 0x1f;
export const KEY_VALUE = { release: 0, press: 1, repeat: 2 } as const;

/** KEY_* codes of linux/input-event-codes.h for the keys the kiosk reads. */
export const EVDEV_KEY_CODES: ReadonlyMap<number, WedgeKey> = new Map<number, WedgeKey>([
  ...[...'1234567890-='].map((k, i) => [2 + i, k as WedgeKey] as const),
  ...[...'qwertyuiop[]'].map((k, i) => [16 + i, k as WedgeKey] as const),
  [28, 'Enter'],
  ...[..."asdfghjkl;'`"].map((k, i) => [30 + i, k as WedgeKey] as const),
  [43, '\\'],
  ...[...'zxcvbnm,./'].map((k, i) => [44 + i, k as WedgeKey] as const),
  [55, 'KP*'],
  [57, ' '],
  ...[...'789-456+1230.'].map((k, i) => [71 + i, `KP${k}` as WedgeKey] as const),
  [96, 'KPEnter'],
  [98, 'KP/'],
]);

export const EVDEV_SHIFT_CODES = { left: 42, right: 54 } as const;
/** KEY_LEFTCTRL, KEY_LEFTALT, KEY_RIGHTCTRL, KEY_RIGHTALT, KEY_LEFTMETA, KEY_RIGHTMETA. */
const OTHER_MODIFIER_CODES = new Set([29, 56, 97, 100, 125, 126]);
const SHIFT_CODES = new Set<number>([EVDEV_SHIFT_CODES.left, EVDEV_SHIFT_CODES.right]);

export class EvdevKeyDecoder implements ScannerCodec {
  readonly mode = 'keyboard' as const;
  private readonly typed = new TypedScan();
  private pending: Uint8Array = new Uint8Array(0);
  private shiftsDown = new Set<number>();
  private othersDown = new Set<number>();

  hasPartialScan(): boolean {
    return this.typed.hasPartialScan();
  }

  reset(): void {
    this.typed.reset();
    this.pending = new Uint8Array(0);
    this.shiftsDown = new Set();
    this.othersDown = new Set();
  }

  push(chunk: Uint8Array): ScanMessage[] {
    const bytes = new Uint8Array(this.pending.length + chunk.length);
    bytes.set(this.pending);
    bytes.set(chunk, this.pending.length);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const messages: ScanMessage[] = [];
    let offset = 0;
    for (; offset + INPUT_EVENT_SIZE <= bytes.length; offset += INPUT_EVENT_SIZE) {
      const type = view.getUint16(offset + 16, true);
      if (type > EV_MAX) {
        // Not an input_event: the stream lost its alignment (or is not evdev at all).
        this.reset();
        return [...messages, { kind: 'malformed', reason: 'input event stream out of step' }];
      }
      if (type === EV_SYN && view.getUint16(offset + 18, true) === SYN_DROPPED) {
        this.dropped();
        continue;
      }
      if (type !== EV_KEY) continue;
      const message = this.key(view.getUint16(offset + 18, true), view.getInt32(offset + 20, true));
      if (message) messages.push(message);
    }
    this.pending = bytes.slice(offset);
    return messages;
  }

  /**
   * Events were lost: the scan being typed is incomplete, and which modifiers are down is no
   * longer known (a real client would ask with EVIOCGKEY, an ioctl Node cannot make).
   */
  private dropped(): void {
    this.typed.keysLost();
    this.shiftsDown.clear();
    this.othersDown.clear();
  }

  private key(code: number, value: number): ScanMessage | undefined {
    const held = SHIFT_CODES.has(code)
      ? this.shiftsDown
      : OTHER_MODIFIER_CODES.has(code)
        ? this.othersDown
        : undefined;
    if (held) {
      if (value === KEY_VALUE.press) held.add(code);
      else if (value === KEY_VALUE.release) held.delete(code);
      return undefined;
    }
    if (value !== KEY_VALUE.press) return undefined;
    return this.typed.press({
      key: EVDEV_KEY_CODES.get(code),
      shift: this.shiftsDown.size > 0,
      otherModifier: this.othersDown.size > 0,
    });
  }
}
