import type { ScanMessage, ScannerCodec } from './scan-messages';
import { TypedScan } from './typed-scan';
import type { WedgeKey } from './us-keyboard';

/**
 * A keyboard-wedge scanner read as HID keyboard input reports (hidraw through node-hid): the
 * 8-byte boot-protocol report of the HID 1.11 spec, appendix B.1:
 *
 *   [0] modifier bits (0 LCtrl, 1 LShift, 2 LAlt, 3 LGUI, 4 RCtrl, 5 RShift, 6 RAlt, 7 RGUI)
 *   [1] reserved   [2..7] usage IDs of the keys held down (0 = none), Keyboard/Keypad page 0x07
 *
 * A report says which keys are down now; a key is pressed when it appears in a report and was
 * not in the one before. Devices with numbered reports put the report ID first (`reportId`).
 */
export const KEYBOARD_REPORT_SIZE = 8;
const SHIFT_BITS = 0b0010_0010;
const OTHER_MODIFIER_BITS = 0b1101_1101;
/** ErrorRollOver, POSTFail, ErrorUndefined: the report says nothing about which keys are down. */
const FIRST_KEY_USAGE = 0x04;
const MODIFIER_USAGES = { first: 0xe0, last: 0xe7 };

/** Usage IDs of the HID Usage Tables, Keyboard/Keypad page (0x07), for the keys the kiosk reads. */
export const HID_KEY_USAGES: ReadonlyMap<number, WedgeKey> = new Map<number, WedgeKey>([
  ...[...'abcdefghijklmnopqrstuvwxyz'].map((k, i) => [0x04 + i, k as WedgeKey] as const),
  ...[...'1234567890'].map((k, i) => [0x1e + i, k as WedgeKey] as const),
  [0x28, 'Enter'],
  [0x2c, ' '],
  [0x2d, '-'],
  [0x2e, '='],
  [0x2f, '['],
  [0x30, ']'],
  [0x31, '\\'],
  [0x33, ';'],
  [0x34, "'"],
  [0x35, '`'],
  [0x36, ','],
  [0x37, '.'],
  [0x38, '/'],
  [0x54, 'KP/'],
  [0x55, 'KP*'],
  [0x56, 'KP-'],
  [0x57, 'KP+'],
  [0x58, 'KPEnter'],
  ...[...'1234567890'].map((k, i) => [0x59 + i, `KP${k}` as WedgeKey] as const),
  [0x63, 'KP.'],
]);

export interface KeyboardReportDecoderOptions {
  /** The report ID the keyboard's reports carry first, for devices with numbered reports. */
  reportId?: number;
}

export class KeyboardReportDecoder implements ScannerCodec {
  readonly mode = 'keyboard' as const;
  private readonly typed = new TypedScan();
  private down = new Set<number>();

  constructor(private readonly options: KeyboardReportDecoderOptions = {}) {}

  hasPartialScan(): boolean {
    return this.typed.hasPartialScan();
  }

  reset(): void {
    this.typed.reset();
    this.down = new Set();
  }

  push(chunk: Uint8Array): ScanMessage[] {
    const { reportId } = this.options;
    if (reportId !== undefined && chunk[0] !== reportId) return []; // another collection's report
    const report = reportId === undefined ? chunk : chunk.subarray(1);
    if (report.length !== KEYBOARD_REPORT_SIZE)
      return [{ kind: 'malformed', reason: 'keyboard report is not 8 bytes (check reportId)' }];
    const usages = [...report.subarray(2)].filter(
      (usage) => usage !== 0 && (usage < MODIFIER_USAGES.first || usage > MODIFIER_USAGES.last),
    );
    if (usages.some((usage) => usage < FIRST_KEY_USAGE)) return []; // rollover: keep the old state
    const modifiers = report[0] ?? 0;
    const messages: ScanMessage[] = [];
    for (const usage of usages) {
      if (this.down.has(usage)) continue;
      const message = this.typed.press({
        key: HID_KEY_USAGES.get(usage),
        shift: (modifiers & SHIFT_BITS) !== 0,
        otherModifier: (modifiers & OTHER_MODIFIER_BITS) !== 0,
      });
      if (message) messages.push(message);
    }
    this.down = new Set(usages);
    return messages;
  }
}
