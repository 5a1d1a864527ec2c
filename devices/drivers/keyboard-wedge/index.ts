import { z } from 'zod';
import { EvdevKeyDecoder } from '../../scanner/evdev-decoder';
import { KeyboardReportDecoder } from '../../scanner/keyboard-report-decoder';
import { FramedScanner } from '../../scanner/scanner';
import { SCANNER_COUNTERS, scannerFinding } from '../../scanner/scanner-findings';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

const KeyboardWedgeConfig = deviceEntrySchema('keyboard-wedge', [], ['hid', 'device-file'], {
  /** For a scanner whose hidraw reports are numbered: the keyboard report's ID. */
  reportId: z.number().int().min(1).max(255).optional(),
}).superRefine((value, ctx) => {
  // zod runs this even when fields already failed, so it checks only what parsed.
  const type = (value.transport as { type?: unknown } | undefined)?.type;
  if (value.reportId !== undefined && typeof type === 'string' && type !== 'hid')
    ctx.addIssue({
      code: 'custom',
      path: ['reportId'],
      message: "reportId is for a 'hid' transport (evdev events carry none)",
    });
});

/** What a technician must know: the scanner is still a keyboard to the rest of the machine. */
const KEYS_REACH_THE_SCREEN =
  'a keyboard-wedge scanner also types into the screen unless the display server ignores it ' +
  '(udev LIBINPUT_IGNORE_DEVICE=1, docs/devices.md); scan once and check nothing is typed';

/**
 * A barcode / QR scanner that types its codes as a USB keyboard (US layout, Enter after each
 * code), read from the raw device and not from a text field, with the payload rules of every
 * scanner: HID keyboard reports on a `hid` transport (hidraw), evdev input events on a
 * `device-file` transport (/dev/input/by-id/...-event-kbd).
 */
export const keyboardWedgeDriver = defineDriver({
  deviceClass: 'scanner',
  name: 'keyboard-wedge',
  summary: 'barcode / QR scanner typing as a USB keyboard (US layout, Enter-terminated)',
  transports: ['hid', 'device-file'],
  config: KeyboardWedgeConfig,
  create: (transport, config) =>
    new FramedScanner({
      transport,
      codec:
        config.transport.type === 'hid'
          ? new KeyboardReportDecoder({ reportId: config.reportId })
          : new EvdevKeyDecoder(),
    }),
  diagnostics: {
    counters: SCANNER_COUNTERS,
    assess: () => {
      const finding = scannerFinding();
      return { problems: finding.problems, notes: [...finding.notes, KEYS_REACH_THE_SCREEN] };
    },
  },
  discovery: {
    hint: 'keyboard-wedge scanners show as /dev/hidraw* (usage page 0x01, keyboard) and /dev/input/by-id/*-event-kbd',
    deviceFiles: {
      folder: '/dev/input/by-id',
      pattern: /-event-kbd$/,
      kind: 'keyboard input events (evdev)',
    },
    hidUsage: { page: 0x01, usage: 0x06, kind: 'keyboard, a wedge scanner' },
  },
});
