import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(path, launchPage(pageUrl), { mode: 0o600, flag: 'wx' });
  return {
    url: pathToFileURL(path).href,
    path,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * The launch file at a fixed path, for a screen started on its own (the cage unit of the Debian
 * package opens /run/bpjs-kiosk/open-kiosk.html): the folder must be the kiosk user's own 0700
 * one (systemd RuntimeDirectoryMode=0700). Written beside and renamed, so a browser never reads
 * half a file.
 */
export function writeScreenLaunchFileAt(path: string, pageUrl: string): ScreenLaunchFile {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, launchPage(pageUrl), { mode: 0o600 });
  renameSync(partial, path);
  return { url: pathToFileURL(path).href, path, remove: () => rmSync(path, { force: true }) };
}

function launchPage(pageUrl: string): string {
  const target = escapeAttribute(pageUrl);
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '<title>BPJS Ketenagakerjaan</title>',
    '',
  ].join('\n');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
