import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Opens the kiosk page in Chromium's kiosk/app mode with a throw-away profile. */
export function openKioskBrowser(url: string): ChildProcess | null {
  const binary = process.env.KIOSK_BROWSER ?? CANDIDATES.find((path) => existsSync(path));
  if (!binary) return null;
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-browser-'));
  return spawn(
    binary,
    [
      `--app=${url}`,
      '--kiosk',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-translate',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
    ],
    { stdio: 'ignore' },
  );
}
