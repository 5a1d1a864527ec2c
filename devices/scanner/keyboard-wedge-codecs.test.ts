import { describe, expect, it } from 'vitest';
import { EvdevKeyDecoder } from './evdev-decoder';
import { KeyboardReportDecoder } from './keyboard-report-decoder';

// Codes written out from the specs (HID Usage Tables page 0x07, linux/input-event-codes.h), not
// from the decoders' tables, so a wrong table entry fails here.
const report = (modifiers: number, ...usages: number[]) =>
  Uint8Array.from([modifiers, 0, ...usages, 0, 0, 0, 0, 0, 0].slice(0, 8));
const UP = report(0);
const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const LEFT_CTRL = 0x01;

function event(type: number, code: number, value: number): Uint8Array {
  const bytes = new Uint8Array(24);
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, 1_700_000_000n, true);
  view.setUint16(16, type, true);
  view.setUint16(18, code, true);
  view.setInt32(20, value, true);
  return bytes;
}
const EV_KEY = 1;
const EV_SYN = 0;
const press = (code: number) => [event(EV_KEY, code, 1), event(EV_SYN, 0, 0)];
const release = (code: number) => [event(EV_KEY, code, 0), event(EV_SYN, 0, 0)];
const tap = (code: number) => [...press(code), ...release(code)];
const join = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const KEY = { A: 30, K: 37, P: 25, J: 36, 1: 2, 0: 11, SEMICOLON: 39, ENTER: 28, LEFTSHIFT: 42 };

describe('KeyboardReportDecoder (HID boot keyboard reports)', () => {
  it('types "Kp:10" with Shift from either side and ends the code at Enter', () => {
    const decoder = new KeyboardReportDecoder();
    const reports = [
      report(LEFT_SHIFT, 0x0e), // K
      UP,
      report(0, 0x13), // p
      UP,
      report(RIGHT_SHIFT, 0x33), // :
      UP,
      report(0, 0x1e), // 1
      UP,
      report(0, 0x27), // 0
      UP,
    ];
    expect(reports.flatMap((r) => decoder.push(r))).toEqual([]);
    expect(decoder.hasPartialScan()).toBe(true);
    expect(decoder.push(report(0, 0x28))).toEqual([
      { kind: 'scan', text: 'Kp:10', symbology: 'unknown' },
    ]);
    expect(decoder.hasPartialScan()).toBe(false);
  });

  it('counts a key held over several reports once, and keypad digits as digits', () => {
    const decoder = new KeyboardReportDecoder();
    const out = [
      report(0, 0x59), // KP1 held for three reports
      report(0, 0x59),
      report(0, 0x59),
      report(0, 0x59, 0x62), // KP0 pressed while KP1 still down (rollover)
      UP,
      report(0, 0x58), // keypad Enter
    ].flatMap((r) => decoder.push(r));
    expect(out).toEqual([{ kind: 'scan', text: '10', symbology: 'unknown' }]);
  });

  it('strips an AIM identifier typed before the code', () => {
    const decoder = new KeyboardReportDecoder();
    const out = [
      report(0, 0x30), // ]
      UP,
      report(LEFT_SHIFT, 0x06), // C
      UP,
      report(0, 0x27), // 0
      UP,
      report(0, 0x1e), // 1
      UP,
      report(0, 0x28),
    ].flatMap((r) => decoder.push(r));
    expect(out).toEqual([{ kind: 'scan', text: '1', symbology: 'code128' }]);
  });

  it('rejects a code with an unreadable key or a Ctrl combination, without saying what was typed', () => {
    const decoder = new KeyboardReportDecoder();
    const withF1 = [report(0, 0x1e), UP, report(0, 0x3a), UP, report(0, 0x28)];
    const withCtrl = [report(LEFT_CTRL, 0x04), UP, report(0, 0x28)];
    for (const reports of [withF1, withCtrl])
      expect(reports.flatMap((r) => decoder.push(r))).toEqual([
        { kind: 'malformed', reason: 'scan has keys the kiosk cannot read' },
      ]);
    expect([report(0, 0x1f), UP, report(0, 0x28)].flatMap((r) => decoder.push(r))).toEqual([
      { kind: 'scan', text: '2', symbology: 'unknown' },
    ]);
  });

  it('ignores a rollover-error report and keeps the keys it knew were down', () => {
    const decoder = new KeyboardReportDecoder();
    const out = [
      report(0, 0x1e),
      report(0, 1, 1, 1, 1, 1, 1), // ErrorRollOver in every slot
      report(0, 0x1e), // still the same press
      UP,
      report(0, 0x28),
    ].flatMap((r) => decoder.push(r));
    expect(out).toEqual([{ kind: 'scan', text: '1', symbology: 'unknown' }]);
  });

  it('with a reportId, reads only that report and skips other collections', () => {
    const decoder = new KeyboardReportDecoder({ reportId: 1 });
    const numbered = (r: Uint8Array) => Uint8Array.of(1, ...r);
    const out = [
      numbered(report(0, 0x1e)),
      Uint8Array.of(3, 0xe9, 0), // a consumer-control report
      numbered(UP),
      numbered(report(0, 0x28)),
    ].flatMap((r) => decoder.push(r));
    expect(out).toEqual([{ kind: 'scan', text: '1', symbology: 'unknown' }]);
    expect(new KeyboardReportDecoder().push(numbered(UP))).toEqual([
      { kind: 'malformed', reason: 'keyboard report is not 8 bytes (check reportId)' },
    ]);
  });
});

describe('EvdevKeyDecoder (Linux input_event stream)', () => {
  it('types "KPJ:10" from presses, holding Shift, skipping repeats and releases', () => {
    const decoder = new EvdevKeyDecoder();
    const stream = join([
      ...press(KEY.LEFTSHIFT),
      ...tap(KEY.K),
      ...tap(KEY.P),
      event(EV_KEY, KEY.LEFTSHIFT, 2), // auto-repeat of the held Shift
      ...tap(KEY.J),
      ...tap(KEY.SEMICOLON),
      ...release(KEY.LEFTSHIFT),
      ...press(KEY[1]),
      event(EV_KEY, KEY[1], 2), // auto-repeat: not a second "1"
      ...release(KEY[1]),
      ...tap(KEY[0]),
      ...tap(KEY.ENTER),
    ]);
    expect(decoder.push(stream)).toEqual([{ kind: 'scan', text: 'KPJ:10', symbology: 'unknown' }]);
  });

  it('reassembles events split anywhere across reads', () => {
    const decoder = new EvdevKeyDecoder();
    const stream = join([...tap(KEY.A), ...tap(KEY.ENTER)]);
    const out = [...stream].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(out).toEqual([{ kind: 'scan', text: 'a', symbology: 'unknown' }]);
  });

  it('reports a stream that is not input events once and starts over', () => {
    const decoder = new EvdevKeyDecoder();
    const garbage = new Uint8Array(24).fill(0xff);
    expect(decoder.push(join([...tap(KEY.A), garbage]))).toEqual([
      { kind: 'malformed', reason: 'input event stream out of step' },
    ]);
    expect(decoder.hasPartialScan()).toBe(false);
    expect(decoder.push(join([...tap(KEY[1]), ...tap(KEY.ENTER)]))).toEqual([
      { kind: 'scan', text: '1', symbology: 'unknown' },
    ]);
  });

  it('rejects a code with an unreadable key (KEY_F1)', () => {
    const decoder = new EvdevKeyDecoder();
    expect(decoder.push(join([...tap(KEY[1]), ...tap(59), ...tap(KEY.ENTER)]))).toEqual([
      { kind: 'malformed', reason: 'scan has keys the kiosk cannot read' },
    ]);
  });
});

describe('keyboard-wedge line length', () => {
  it('drops a code longer than 1024 characters whole and reads the next', () => {
    const decoder = new EvdevKeyDecoder();
    const long = join(Array.from({ length: 1100 }, () => tap(KEY[1])).flat());
    expect(
      decoder.push(join([long, ...tap(KEY.ENTER), ...tap(KEY[0]), ...tap(KEY.ENTER)])),
    ).toEqual([
      { kind: 'malformed', reason: 'scan longer than 1024 characters' },
      { kind: 'scan', text: '0', symbology: 'unknown' },
    ]);
  });
});

describe('evdev events the kernel dropped', () => {
  it('spoil the scan being typed (SYN_DROPPED), and the next scan reads again', () => {
    const decoder = new EvdevKeyDecoder();
    const SYN_DROPPED = 3;
    expect(
      decoder.push(join([...tap(KEY[1]), event(EV_SYN, SYN_DROPPED, 0), ...tap(KEY.ENTER)])),
    ).toEqual([{ kind: 'malformed', reason: 'scan lost keys on the way (read too slowly)' }]);
    expect(decoder.push(join([...tap(KEY[0]), ...tap(KEY.ENTER)]))).toEqual([
      { kind: 'scan', text: '0', symbology: 'unknown' },
    ]);
  });
});
