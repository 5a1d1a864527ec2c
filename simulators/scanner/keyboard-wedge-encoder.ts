import {
  EV_KEY,
  EV_MSC,
  EV_SYN,
  EVDEV_KEY_CODES,
  EVDEV_SHIFT_CODES,
  INPUT_EVENT_SIZE,
  KEY_VALUE,
} from '../../devices/scanner/evdev-decoder';
import {
  HID_KEY_USAGES,
  KEYBOARD_REPORT_SIZE,
} from '../../devices/scanner/keyboard-report-decoder';
import { keystrokeFor, type WedgeKey } from '../../devices/scanner/us-keyboard';

/** What a keyboard-wedge scanner presses to type `text` and its Enter suffix. */
export function keystrokesFor(text: string): { key: WedgeKey; shift: boolean }[] {
  const strokes = [...text].map((char) => {
    const stroke = keystrokeFor(char);
    if (!stroke) throw new Error('a keyboard wedge types printable ASCII only');
    return stroke;
  });
  return [...strokes, { key: 'Enter', shift: false }];
}

const invert = (map: ReadonlyMap<number, WedgeKey>) =>
  new Map([...map].map(([code, key]) => [key, code] as const));
const USAGE_OF = invert(HID_KEY_USAGES);
const EVDEV_CODE_OF = invert(EVDEV_KEY_CODES);
const LEFT_SHIFT_BIT = 0x02;
const MSC_SCAN = 0x04;
const LEFT_SHIFT_USAGE = 0xe1;

export interface KeyboardReportOptions {
  /** Put this report ID first, as devices with numbered reports do. */
  reportId?: number;
}

/** Boot-protocol keyboard reports for `text` + Enter: each key down with its Shift, then all up. */
export function keyboardReportsFor(
  text: string,
  options: KeyboardReportOptions = {},
): Uint8Array[] {
  const report = (modifiers: number, usage: number) => {
    const bytes = new Uint8Array(KEYBOARD_REPORT_SIZE);
    bytes[0] = modifiers;
    bytes[2] = usage;
    return options.reportId === undefined ? bytes : Uint8Array.of(options.reportId, ...bytes);
  };
  return keystrokesFor(text).flatMap(({ key, shift }) => [
    report(shift ? LEFT_SHIFT_BIT : 0, USAGE_OF.get(key)!),
    report(0, 0),
  ]);
}

/** One 64-bit Linux `struct input_event`, little-endian. */
export function inputEvent(type: number, code: number, value: number, timeUs = 0): Uint8Array {
  const bytes = new Uint8Array(INPUT_EVENT_SIZE);
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, BigInt(Math.floor(timeUs / 1e6)), true);
  view.setBigInt64(8, BigInt(timeUs % 1e6), true);
  view.setUint16(16, type, true);
  view.setUint16(18, code, true);
  view.setInt32(20, value, true);
  return bytes;
}

/**
 * The evdev events a kernel reports for `text` + Enter typed on a USB keyboard: for each key the
 * MSC_SCAN, the press, a SYN_REPORT, then the release and another SYN_REPORT; Shift around it.
 */
export function inputEventsFor(text: string): Uint8Array[] {
  let time = 1_700_000_000_000_000;
  const event = (type: number, code: number, value: number) =>
    inputEvent(type, code, value, (time += 1000));
  // The kernel's MSC_SCAN for a USB keyboard is the HID usage: page 0x07 in the high half.
  const key = (code: number, value: number, usage: number) => [
    event(EV_MSC, MSC_SCAN, 0x70000 | usage),
    event(EV_KEY, code, value),
    event(EV_SYN, 0, 0),
  ];
  return keystrokesFor(text).flatMap(({ key: name, shift }) => {
    const code = EVDEV_CODE_OF.get(name)!;
    const usage = USAGE_OF.get(name)!;
    const typed = [...key(code, KEY_VALUE.press, usage), ...key(code, KEY_VALUE.release, usage)];
    return shift
      ? [
          ...key(EVDEV_SHIFT_CODES.left, KEY_VALUE.press, LEFT_SHIFT_USAGE),
          ...typed,
          ...key(EVDEV_SHIFT_CODES.left, KEY_VALUE.release, LEFT_SHIFT_USAGE),
        ]
      : typed;
  });
}

/** All of `parts` as one byte string (a device-file read may return any slice of it). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
