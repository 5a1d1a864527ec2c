import { z } from 'zod';

/**
 * The one list of Debian packages the kiosk's commands need from the system, and which command
 * needs which. `npm test`, `npm start` and `.ci/run` all check and install from here.
 */
export const SYSTEM_PACKAGES = {
  chromium: {
    debianPackage: 'chromium',
    what: 'the browser the end-to-end tests drive and the kiosk screen opens in',
  },
  socat: {
    debianPackage: 'socat',
    what: 'pty pairs for the serial device simulators (card reader, scanner, pin pad)',
  },
  libusb: {
    debianPackage: 'libusb-1.0-0',
    what: 'node-hid loads it (USB card readers and scanners in HID mode)',
  },
  dejavuFonts: {
    debianPackage: 'fonts-dejavu-core',
    what: 'receipt previews and screenshots render with the same font everywhere',
  },
  prometheus: {
    debianPackage: 'prometheus',
    what: 'promtool tests the alert rules, and a real Prometheus scrapes three kiosks in a test',
  },
  cage: {
    debianPackage: 'cage',
    what: 'the Wayland kiosk compositor of the screen session (headless in the screen test)',
  },
  grim: {
    debianPackage: 'grim',
    what: 'screenshots of the cage screen session in its test',
  },
  xwayland: {
    debianPackage: 'xwayland',
    what: 'cage starts Xwayland beside the Wayland session',
  },
  systemd: {
    debianPackage: 'systemd',
    what: 'systemd-analyze verify checks the Debian package units',
  },
} as const;

export type SystemPackageId = keyof typeof SYSTEM_PACKAGES;

/** `start-configured` is `npm start -- --config <file>`: real devices, no simulators. */
export const PrerequisiteCommand = z.enum(['test', 'start', 'start-configured']);
export type PrerequisiteCommand = z.infer<typeof PrerequisiteCommand>;

export interface CommandNeeds {
  required: readonly SystemPackageId[];
  /** Packages the command runs without, and what is lost then. */
  optional: ReadonlyArray<{ id: SystemPackageId; without: string }>;
}

const chromiumToOpenTheScreen = {
  id: 'chromium',
  without: 'the kiosk URL is printed instead of opened',
} as const;

export const COMMAND_NEEDS: Readonly<Record<PrerequisiteCommand, CommandNeeds>> = {
  test: {
    required: [
      'chromium',
      'socat',
      'libusb',
      'dejavuFonts',
      'prometheus',
      'cage',
      'grim',
      'xwayland',
      'systemd',
    ],
    optional: [],
  },
  start: { required: ['socat'], optional: [chromiumToOpenTheScreen] },
  'start-configured': { required: [], optional: [chromiumToOpenTheScreen] },
};

/** The apt-get steps that install `packages` on Debian; printed and run from the same list. */
export function aptSteps(packages: readonly string[]): string[][] {
  return [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', ...packages],
  ];
}

export function aptCommandLine(packages: readonly string[]): string {
  return aptSteps(packages)
    .map((step) => step.join(' '))
    .join(' && ');
}
