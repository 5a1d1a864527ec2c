import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ScreenLaunchFile {
  /** `file:///…/open-kiosk.html`: safe to put on a command line, it names no secret. */
  url: string;
  path: string;
  remove(): void;
}

/**
 * The page URL carries the UI secret (`#ui=…`), and a browser's command line is readable by every
 * local user (/proc/PID/cmdline). So the browser is given this file instead: owner-only (0600 in
 * a 0700 folder), it sends the browser on to the page URL at once, and the secret never appears
 * in a process list or a log.
 */
export function writeScreenLaunchFile(pageUrl: string): ScreenLaunchFile {
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-screen-')); // mkdtemp makes it 0700
  const path = join(folder, 'open-kiosk.html');
  const target = escapeAttribute(pageUrl);
  writeFileSync(
    path,
    [
      '<!doctype html>',
      '<meta charset="utf-8">',
      '<meta name="referrer" content="no-referrer">',
      `<meta http-equiv="refresh" content="0; url=${target}">`,
      '<title>BPJS Ketenagakerjaan</title>',
      '',
    ].join('\n'),
    { mode: 0o600, flag: 'wx' },
  );
  return {
    url: pathToFileURL(path).href,
    path,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
